//! Coded enumerations: a stable code for files, a zh-CN/English label for people.

/// Defines an enum whose variants each have a stable code (their serde form) and a bilingual label.
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $zh:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )+
        }

        impl $name {
            /// Every value, in the order they are offered.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code used in files.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The label shown to people.
            pub fn label(self) -> crate::text::Text {
                match self { $($name::$variant => crate::text::Text::new($zh, $en),)+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(code: &str) -> Result<Self, String> {
                match code {
                    $($code => Ok($name::$variant),)+
                    other => Err(format!(
                        "`{}` is not a {}; use one of {}",
                        other,
                        stringify!($name),
                        [$($code),+].join(", ")
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use coded_enum;
