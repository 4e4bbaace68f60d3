package org.callguard.app.ui

import android.app.Activity
import android.app.AlertDialog
import android.os.Bundle
import android.view.View
import android.view.ViewGroup
import android.widget.BaseAdapter
import android.widget.Button
import android.widget.EditText
import android.widget.ListView
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.wording.Wording
import org.callguard.bridge.CallGuard
import org.callguard.bridge.Rule
import org.callguard.bridge.RuleEffect

/**
 * The block and allow lists (part of the settings): add a number, a prefix ("400*") or a
 * wildcard pattern as a block or an allow rule; tap a rule to remove it.
 */
class RulesActivity : Activity() {
    private lateinit var input: EditText
    private lateinit var empty: TextView
    private val adapter = RuleAdapter()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContentView(R.layout.activity_rules)
        input = requireViewById(R.id.rule_input)
        empty = requireViewById(R.id.rules_empty)
        val list = requireViewById<ListView>(R.id.rules_list)
        list.adapter = adapter
        list.setOnItemClickListener { _, _, position, _ -> confirmRemove(adapter.getItem(position)) }
        requireViewById<Button>(R.id.block_button).setOnClickListener { add(RuleEffect.BLOCK) }
        requireViewById<Button>(R.id.allow_button).setOnClickListener { add(RuleEffect.ALLOW) }
    }

    override fun onResume() {
        super.onResume()
        load()
    }

    private fun load() {
        withEngineOrError(CallGuard::rules) { rules ->
            adapter.rules = rules.sortedWith(compareBy<Rule> { it.effect }.thenBy { it.pattern })
            empty.visibility = if (rules.isEmpty()) View.VISIBLE else View.GONE
        }
    }

    private fun add(effect: RuleEffect) {
        val pattern = input.text.toString().trim()
        if (pattern.isEmpty()) return
        withEngineOrError({ engine ->
            when (effect) {
                RuleEffect.BLOCK -> engine.block(pattern)
                RuleEffect.ALLOW -> engine.allow(pattern)
            }
        }) {
            input.text.clear()
            load()
        }
    }

    private fun confirmRemove(rule: Rule) {
        AlertDialog.Builder(this)
            .setMessage(getString(R.string.rule_remove_confirm, rule.pattern))
            .setPositiveButton(R.string.button_remove) { _, _ ->
                withEngineOrError({ engine -> engine.unblock(rule.pattern) }) { load() }
            }
            .setNegativeButton(R.string.button_cancel, null)
            .show()
    }

    private inner class RuleAdapter : BaseAdapter() {
        var rules: List<Rule> = emptyList()
            set(value) {
                field = value
                notifyDataSetChanged()
            }

        override fun getCount(): Int = rules.size

        override fun getItem(position: Int): Rule = rules[position]

        override fun getItemId(position: Int): Long = position.toLong()

        override fun getView(position: Int, convertView: View?, parent: ViewGroup): View {
            val view = convertView ?: layoutInflater.inflate(R.layout.item_rule, parent, false)
            val rule = rules[position]
            view.requireViewById<TextView>(R.id.rule_pattern).text = rule.pattern
            view.requireViewById<TextView>(R.id.rule_detail).text = listOfNotNull(
                getString(Wording.effect(rule.effect)),
                getString(Wording.ruleKind(rule.kind)),
                rule.note?.takeIf { it.isNotBlank() },
            ).joinToString(" · ")
            return view
        }
    }
}
