//! Final and temporary call outcomes, coded as in the AAPOR Standard Definitions.

use crate::code::coded_enum;

coded_enum! {
    /// The outcome of a callback case (AAPOR-style disposition code).
    Disposition {
        /// 1.1 complete interview.
        Complete = "1.1", "完成", "Complete";
        /// 1.2 partial interview.
        Partial = "1.2", "部分完成", "Partial";
        /// 2.11 refusal.
        Refusal = "2.11", "拒访", "Refusal";
        /// 2.12 break-off.
        BreakOff = "2.12", "中途中断", "Break-off";
        /// 2.20 non-contact.
        NonContact = "2.20", "未接触", "Non-contact";
        /// 2.21 respondent never available (e.g. an appointment never kept before the attempt cap).
        NeverAvailable = "2.21", "受访者一直不方便", "Respondent never available";
        /// 2.221 answering machine, message left.
        MachineMessageLeft = "2.221", "语音信箱(已留言)", "Answering machine, message left";
        /// 2.222 answering machine, no message left.
        MachineNoMessage = "2.222", "语音信箱(未留言)", "Answering machine, no message";
        /// 3.12 always busy.
        AlwaysBusy = "3.12", "一直占线", "Always busy";
        /// 3.13 no answer.
        NoAnswer = "3.13", "无人接听", "No answer";
        /// 3.16 technical problem on the line.
        TechnicalProblem = "3.16", "线路故障", "Technical phone problem";
        /// 4.10 wrong number / out of sample.
        WrongNumber = "4.10", "号码错误", "Wrong number / out of sample";
        /// 4.32 disconnected number.
        Disconnected = "4.32", "空号/停机", "Disconnected number";
    }
}
