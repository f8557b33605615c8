//! Tags of a response: where, by whom and for what it was collected.

use crate::code::coded_enum;
use crate::id::string_id;
use serde::{Deserialize, Serialize};

string_id!(
    /// A free tag value: a hall, counter, staff, device or interviewer id as the company writes it.
    TagValue
);

coded_enum! {
    /// The business the customer came for (业务类型).
    BusinessType {
        /// 缴费 payment.
        Payment = "payment", "缴费", "Payment";
        /// 业扩报装 new connection.
        NewConnection = "new_connection", "业扩报装", "New connection";
        /// 变更用电 change of service.
        ChangeOfService = "change_of_service", "变更用电", "Change of service";
        /// 故障报修 repair report.
        Repair = "repair", "故障报修", "Repair report";
        /// 咨询 inquiry.
        Inquiry = "inquiry", "咨询", "Inquiry";
        /// 投诉 complaint.
        Complaint = "complaint", "投诉", "Complaint";
        /// 其他 other.
        Other = "other", "其他", "Other";
    }
}

coded_enum! {
    /// The customer class (客户类别).
    CustomerClass {
        /// 居民 residential.
        Residential = "residential", "居民", "Residential";
        /// 企业/商户: a business customer whose class was not told (the kiosk asks only this).
        Business = "business", "企业/商户", "Business";
        /// 中小客户 / 一般工商业: non-residential small and medium.
        SmallMedium = "small_medium", "中小客户", "Small and medium business";
        /// 大客户 / 大工业: large industrial.
        LargeIndustrial = "large_industrial", "大客户", "Large industrial";
        /// 重要客户: important customers such as hospitals.
        Important = "important", "重要客户", "Important customer";
        /// 农业 agricultural.
        Agricultural = "agricultural", "农业", "Agricultural";
        /// 其他 other.
        Other = "other", "其他", "Other";
    }
}

/// Defines the tags of a response once — the free tags (a hall, counter … id as the company
/// writes it) and the coded ones (a value of a coded enum), in the order every list of tags
/// follows (the responses table's columns, the dataset's columns and dictionaries, grouping and
/// filtering) — with [`Tags`], [`TagKey`] and the code that reads and writes a tag by its key.
macro_rules! tags {
    (
        free { $( $(#[$fdoc:meta])* $Free:ident $free:ident = $fcode:literal, $fzh:literal, $fen:literal; )+ }
        coded { $( $(#[$cdoc:meta])* $Coded:ident $coded:ident: $Type:ident = $ccode:literal, $czh:literal, $cen:literal; )+ }
    ) => {
        coded_enum! {
            /// A tag of a response, as a key for grouping, filtering and items that set a tag.
            TagKey {
                $( $(#[$fdoc])* $Free = $fcode, $fzh, $fen; )+
                $( $(#[$cdoc])* $Coded = $ccode, $czh, $cen; )+
            }
        }

        /// How many free tags there are.
        pub const FREE_TAGS: usize = [$($fcode),+].len();

        /// How many tags there are, free and coded.
        pub const TAG_COUNT: usize = [$($fcode,)+ $($ccode),+].len();

        /// The tags of one response. Every tag is optional.
        #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Tags {
            $(
                $(#[$fdoc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $free: Option<TagValue>,
            )+
            $(
                $(#[$cdoc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $coded: Option<$Type>,
            )+
        }

        impl TagKey {
            /// The free tags, in order: a free tag's position here is its index in
            /// [`Tags::free`] and in the dataset's dictionaries.
            pub const FREE: [TagKey; FREE_TAGS] = [$(TagKey::$Free),+];

            /// Every tag's code, in the order of [`TagKey::ALL`] (the responses table's columns).
            pub const CODES: [&'static str; TAG_COUNT] = [$($fcode,)+ $($ccode),+];

            /// The position of a free tag in [`TagKey::FREE`]; `None` for a coded one.
            pub fn free_index(self) -> Option<usize> {
                TagKey::FREE.iter().position(|k| *k == self)
            }

            /// The value of this tag in `tags`, as its code or text.
            pub fn get(self, tags: &Tags) -> Option<String> {
                match self {
                    $(TagKey::$Free => tags.$free.as_ref().map(ToString::to_string),)+
                    $(TagKey::$Coded => tags.$coded.map(|c| c.code().to_owned()),)+
                }
            }

            /// Sets this tag from a code or text; an empty value clears it.
            pub fn set(self, tags: &mut Tags, value: &str) -> Result<(), String> {
                let value = value.trim();
                match self {
                    $(TagKey::$Free => tags.$free = (!value.is_empty()).then(|| TagValue::new(value)),)+
                    $(TagKey::$Coded => {
                        tags.$coded = if value.is_empty() { None } else { Some(value.parse()?) }
                    })+
                }
                Ok(())
            }

            /// Whether `code` is a valid value of a coded tag (free tags accept anything).
            pub fn check_code(self, code: &str) -> Result<(), String> {
                match self {
                    $(TagKey::$Coded => code.parse::<$Type>().map(|_| ()),)+
                    _ => Ok(()),
                }
            }
        }

        impl Tags {
            /// The free tags' values, in the order of [`TagKey::FREE`].
            pub fn free(&self) -> [Option<&str>; FREE_TAGS] {
                [$(self.$free.as_ref().map(TagValue::as_str)),+]
            }

            /// Tags with these free values (in the order of [`TagKey::FREE`]) and no coded one.
            pub fn of_free(values: [Option<TagValue>; FREE_TAGS]) -> Tags {
                let [$($free),+] = values;
                Tags { $($free,)+ ..Tags::default() }
            }
        }
    };
}

tags! {
    free {
        /// 营业厅 hall.
        Hall hall = "hall", "营业厅", "Hall";
        /// 窗口 counter (window).
        Counter counter = "counter", "窗口", "Counter";
        /// 工号 staff: the staff member who served the customer.
        Staff staff = "staff", "工号", "Staff";
        /// 设备 device: the device that collected the response.
        Device device = "device", "设备", "Device";
        /// 回访员/测评员: the interviewer (callback) or evaluator (checklist).
        Interviewer interviewer = "interviewer", "回访员/测评员", "Interviewer / evaluator";
    }
    coded {
        /// 业务类型 business type: the business handled.
        BusinessType business_type: BusinessType = "business_type", "业务类型", "Business type";
        /// 客户类别 customer class.
        CustomerClass customer_class: CustomerClass = "customer_class", "客户类别", "Customer class";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_bad_codes_are_named() {
        for b in BusinessType::ALL {
            assert_eq!(b.code().parse::<BusinessType>().unwrap(), *b);
        }
        let err = "refund".parse::<BusinessType>().unwrap_err();
        assert!(err.contains("`refund`") && err.contains("payment"), "{err}");
    }

    #[test]
    fn the_free_tags_in_order() {
        assert_eq!(TagKey::FREE[0], TagKey::Hall);
        assert_eq!((TagKey::Device.free_index(), TagKey::CustomerClass.free_index()), (Some(3), None));
        let mut free: [Option<TagValue>; FREE_TAGS] = Default::default();
        (free[1], free[4]) = (Some(TagValue::new("3")), Some(TagValue::new("A07")));
        let tags = Tags::of_free(free);
        assert_eq!((tags.free()[1], tags.free()[4], tags.free()[0]), (Some("3"), Some("A07"), None));
        assert_eq!(serde_json::to_string(&tags).unwrap(), r#"{"counter":"3","interviewer":"A07"}"#);
        assert_eq!(TagKey::ALL.len(), FREE_TAGS + 2);
    }

    #[test]
    fn set_and_get_tags() {
        let mut tags = Tags::default();
        TagKey::Hall.set(&mut tags, " 城东营业厅 ").unwrap();
        TagKey::BusinessType.set(&mut tags, "repair").unwrap();
        assert_eq!(TagKey::Hall.get(&tags).as_deref(), Some("城东营业厅"));
        assert_eq!(tags.business_type, Some(BusinessType::Repair));
        assert!(TagKey::CustomerClass.set(&mut tags, "vip").is_err());
        TagKey::Hall.set(&mut tags, "").unwrap();
        assert_eq!(tags.hall, None);
        assert_eq!(serde_json::to_string(&tags).unwrap(), r#"{"business_type":"repair"}"#);
    }
}
