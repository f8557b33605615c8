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

coded_enum! {
    /// A tag of a response, as a key for grouping and for items that set a tag.
    TagKey {
        /// 营业厅 hall.
        Hall = "hall", "营业厅", "Hall";
        /// 窗口 counter (window).
        Counter = "counter", "窗口", "Counter";
        /// 工号 staff.
        Staff = "staff", "工号", "Staff";
        /// 设备 device.
        Device = "device", "设备", "Device";
        /// 回访员/测评员 interviewer or evaluator.
        Interviewer = "interviewer", "回访员/测评员", "Interviewer / evaluator";
        /// 业务类型 business type.
        BusinessType = "business_type", "业务类型", "Business type";
        /// 客户类别 customer class.
        CustomerClass = "customer_class", "客户类别", "Customer class";
    }
}

/// The tags of one response. Every tag is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tags {
    /// The hall (营业厅).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hall: Option<TagValue>,
    /// The counter or window (窗口).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<TagValue>,
    /// The staff member who served the customer (工号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<TagValue>,
    /// The device that collected the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<TagValue>,
    /// The interviewer (callback) or evaluator (checklist).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewer: Option<TagValue>,
    /// The business handled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_type: Option<BusinessType>,
    /// The customer class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_class: Option<CustomerClass>,
}

impl TagKey {
    /// The value of this tag in `tags`, as its code or text.
    pub fn get(self, tags: &Tags) -> Option<String> {
        match self {
            TagKey::Hall => tags.hall.as_ref().map(ToString::to_string),
            TagKey::Counter => tags.counter.as_ref().map(ToString::to_string),
            TagKey::Staff => tags.staff.as_ref().map(ToString::to_string),
            TagKey::Device => tags.device.as_ref().map(ToString::to_string),
            TagKey::Interviewer => tags.interviewer.as_ref().map(ToString::to_string),
            TagKey::BusinessType => tags.business_type.map(|b| b.code().to_owned()),
            TagKey::CustomerClass => tags.customer_class.map(|c| c.code().to_owned()),
        }
    }

    /// Sets this tag from a code or text; an empty value clears it.
    pub fn set(self, tags: &mut Tags, value: &str) -> Result<(), String> {
        let value = value.trim();
        let free = || (!value.is_empty()).then(|| TagValue::new(value));
        match self {
            TagKey::Hall => tags.hall = free(),
            TagKey::Counter => tags.counter = free(),
            TagKey::Staff => tags.staff = free(),
            TagKey::Device => tags.device = free(),
            TagKey::Interviewer => tags.interviewer = free(),
            TagKey::BusinessType => {
                tags.business_type = if value.is_empty() { None } else { Some(value.parse()?) }
            }
            TagKey::CustomerClass => {
                tags.customer_class = if value.is_empty() { None } else { Some(value.parse()?) }
            }
        }
        Ok(())
    }

    /// Whether `code` is a valid value of a coded tag (free tags accept anything).
    pub fn check_code(self, code: &str) -> Result<(), String> {
        match self {
            TagKey::BusinessType => code.parse::<BusinessType>().map(|_| ()),
            TagKey::CustomerClass => code.parse::<CustomerClass>().map(|_| ()),
            _ => Ok(()),
        }
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
