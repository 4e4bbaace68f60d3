//! One macro for the enums that cross language and storage boundaries as stable snake_case codes:
//! it declares the enum, its serde spelling, `ALL`, `code()` and `from_code()` from one list, so a
//! code is written exactly once.

/// What every code enum offers, for code that works on any of them (parsing a CLI flag, listing
/// the codes the bridge must know).
pub trait Code: Sized + Copy + Send + Sync + 'static {
    /// Every variant, in declaration order.
    fn all() -> &'static [Self];
    /// The stable snake_case code.
    fn code(self) -> &'static str;
    /// Parses a code produced by `code()`.
    fn from_code(code: &str) -> Option<Self>;
}

/// Declares a fieldless enum whose variants each have a stable string code.
#[macro_export]
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The stable snake_case code used in JSON, the database and the CLI.
            pub fn code(self) -> &'static str {
                match self { $( $name::$variant => $code, )+ }
            }

            /// Parses a code produced by `code()`.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $( $code => Some($name::$variant), )+ _ => None }
            }
        }

        impl $crate::codes::Code for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }

            fn code(self) -> &'static str {
                $name::code(self)
            }

            fn from_code(code: &str) -> Option<Self> {
                $name::from_code(code)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
