package org.callguard.app.ui

import android.app.Activity
import android.app.AlertDialog
import android.os.Bundle
import android.text.Editable
import android.text.TextWatcher
import android.view.View
import android.view.ViewGroup
import android.widget.BaseAdapter
import android.widget.Button
import android.widget.EditText
import android.widget.ListView
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.wording.Wording
import org.callguard.bridge.Rule
import org.callguard.bridge.RuleEffect

/**
 * The block and allow lists (part of the settings): add a number, a prefix ("400*") or a
 * wildcard pattern as a block or an allow rule; tap a rule to remove it. Imported lists can hold
 * a million rules, so the screen shows one page, narrowed by the digits typed in the input.
 */
class RulesActivity : Activity() {
    private lateinit var input: EditText
    private lateinit var empty: TextView
    private lateinit var count: TextView
    private val adapter = RuleAdapter()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContentView(R.layout.activity_rules)
        fitSystemBars()
        input = requireViewById(R.id.rule_input)
        empty = requireViewById(R.id.rules_empty)
        count = requireViewById(R.id.rules_count)
        input.addTextChangedListener(
            object : TextWatcher {
                override fun beforeTextChanged(s: CharSequence?, start: Int, count: Int, after: Int) = Unit

                override fun onTextChanged(s: CharSequence?, start: Int, before: Int, count: Int) = Unit

                override fun afterTextChanged(s: Editable?) = load()
            },
        )
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
        val filter = input.text.toString()
        withEngineOrError({ engine -> engine.rulePage(filter = filter, limit = PAGE) }) { page ->
            adapter.rules = page.rules
            empty.visibility = if (page.total == 0L && filter.isBlank()) View.VISIBLE else View.GONE
            count.visibility = if (page.total > page.rules.size) View.VISIBLE else View.GONE
            val quantity = page.total.coerceAtMost(Int.MAX_VALUE.toLong()).toInt()
            count.text = resources.getQuantityString(R.plurals.rules_showing, quantity, page.rules.size, page.total)
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

    private companion object {
        /** Rules shown at once; the filter narrows a longer list. */
        const val PAGE = 500
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
