//! The area codes of mainland China's fixed-line numbering plan: which digits after a trunk
//! `0` (or after `+86`) are an area code, so a number can be read by its structure.

/// Two-digit area codes: Beijing 10, Guangzhou 20, Shanghai 21, Tianjin 22, Chongqing 23,
/// Shenyang 24, Nanjing 25, Wuhan 27, Chengdu 28, Xi'an 29. Their local numbers have 8 digits.
#[rustfmt::skip]
pub const TWO_DIGIT_AREA_CODES: [u16; 10] = [10, 20, 21, 22, 23, 24, 25, 27, 28, 29];

/// Three-digit area codes (0311 Shijiazhuang … 0999 Ili), sorted. Their local numbers have 7 or
/// 8 digits. Source: the fixed-line ranges of libphonenumber's CN metadata (PyPI
/// `phonenumbers` 9.0.43: every code under which a plan-shaped local number is valid), plus
/// 0852, Zunyi's code until it merged into 0851 in 2013, which old presentations still carry.
#[rustfmt::skip]
pub const THREE_DIGIT_AREA_CODES: [u16; 312] = [
    310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 335, 349, 350, 351, 352, 353, 354, 355, 356,
    357, 358, 359, 370, 371, 372, 373, 374, 375, 376, 377, 379, 391, 392, 393, 394, 395, 396, 398,
    411, 412, 415, 416, 417, 418, 419, 421, 427, 429, 431, 432, 433, 434, 435, 436, 437, 438, 439,
    451, 452, 453, 454, 455, 456, 457, 458, 459, 464, 467, 468, 469, 470, 471, 472, 473, 474, 475,
    476, 477, 478, 479, 482, 483, 510, 511, 512, 513, 514, 515, 516, 517, 518, 519, 523, 527, 530,
    531, 532, 533, 534, 535, 536, 537, 538, 539, 543, 546, 550, 551, 552, 553, 554, 555, 556, 557,
    558, 559, 561, 562, 563, 564, 566, 570, 571, 572, 573, 574, 575, 576, 577, 578, 579, 580, 591,
    592, 593, 594, 595, 596, 597, 598, 599, 631, 632, 633, 635, 660, 662, 663, 668, 691, 692, 701,
    710, 711, 712, 713, 714, 715, 716, 717, 718, 719, 722, 724, 728, 730, 731, 734, 735, 736, 737,
    738, 739, 743, 744, 745, 746, 750, 751, 752, 753, 754, 755, 756, 757, 758, 759, 760, 762, 763,
    766, 768, 769, 770, 771, 772, 773, 774, 775, 776, 777, 778, 779, 790, 791, 792, 793, 794, 795,
    796, 797, 798, 799, 812, 813, 816, 817, 818, 825, 826, 827, 830, 831, 832, 833, 834, 835, 836,
    837, 838, 839, 851, 852, 854, 855, 856, 857, 858, 859, 870, 871, 872, 873, 874, 875, 876, 877, 878,
    879, 883, 886, 887, 888, 891, 892, 893, 894, 895, 896, 897, 898, 901, 902, 903, 906, 908, 909,
    911, 912, 913, 914, 915, 916, 917, 919, 930, 931, 932, 933, 934, 935, 936, 937, 938, 939, 941,
    943, 951, 952, 953, 954, 955, 970, 971, 972, 973, 974, 975, 976, 977, 978, 979, 990, 991, 992,
    993, 994, 995, 996, 997, 998, 999,
];

/// The length of the area code (without its trunk 0) at the start of `national`: 2, 3, or
/// `None` when no area code starts it.
pub fn area_code_len(national: &str) -> Option<usize> {
    let code = |n: usize| national.get(..n)?.parse::<u16>().ok();
    if code(2).is_some_and(|c| TWO_DIGIT_AREA_CODES.contains(&c)) {
        return Some(2);
    }
    code(3)
        .filter(|c| THREE_DIGIT_AREA_CODES.binary_search(c).is_ok())
        .map(|_| 3)
}

/// Every area code the plan knows, with its trunk 0 ("010", "0755"), in order.
pub fn all() -> impl Iterator<Item = String> {
    let two = TWO_DIGIT_AREA_CODES.iter().map(|c| format!("0{c}"));
    two.chain(THREE_DIGIT_AREA_CODES.iter().map(|c| format!("0{c}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_digit_table_is_sorted_and_never_shadows_a_two_digit_code() {
        assert!(THREE_DIGIT_AREA_CODES.windows(2).all(|w| w[0] < w[1]));
        for c in THREE_DIGIT_AREA_CODES {
            assert!((300..1000).contains(&c), "{c}");
        }
        assert_eq!(all().count(), 322);
    }

    #[test]
    fn codes_read_by_their_own_length() {
        for (national, want) in [
            ("1062345678", Some(2)),
            ("2112345678", Some(2)),
            ("75523456789", Some(3)),
            ("9516012345", Some(3)),
            ("8522345678", Some(3)),
            ("4008123456", None),
            ("8008123456", None),
            ("1380013800", None),
            ("26", None),
            ("", None),
        ] {
            assert_eq!(area_code_len(national), want, "{national}");
        }
    }
}
