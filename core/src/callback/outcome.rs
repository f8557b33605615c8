//! The outcome of one call, its AAPOR code, whether it ends the case, and the code a case gets when
//! the attempt cap is reached.

use super::attempt::Attempt;
use super::scheduling::RetryDelays;
use crate::code::coded_enum;
use crate::response::disposition::Disposition;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

coded_enum! {
    /// The kind of a call outcome: the buttons an agent picks from.
    OutcomeKind {
        /// 完成: the interview was completed.
        Complete = "complete", "完成", "Complete";
        /// 部分完成: enough answered to count as a partial interview.
        Partial = "partial", "部分完成", "Partial";
        /// 拒访: the customer refused.
        Refusal = "refusal", "拒访", "Refusal";
        /// 中途挂断: the interview began and was broken off.
        BreakOff = "break_off", "中途挂断", "Break-off";
        /// 无人接听: nobody answered.
        NoAnswer = "no_answer", "无人接听", "No answer";
        /// 占线: the line was busy.
        Busy = "busy", "占线", "Busy";
        /// 语音信箱(已留言): answering machine, message left.
        MachineMessageLeft = "machine_message_left", "语音信箱(已留言)", "Answering machine, message left";
        /// 语音信箱(未留言): answering machine, no message left.
        MachineNoMessage = "machine_no_message", "语音信箱(未留言)", "Answering machine, no message";
        /// 号码错误: not the customer's number.
        WrongNumber = "wrong_number", "号码错误", "Wrong number";
        /// 空号/停机: the number is disconnected.
        Disconnected = "disconnected", "空号/停机", "Disconnected";
        /// 线路故障: a technical problem on the line.
        TechnicalProblem = "technical_problem", "线路故障", "Technical problem";
        /// 预约回访: the customer asked to be called at a set time.
        Appointment = "appointment", "预约回访", "Appointment";
    }
}

impl OutcomeKind {
    /// The outcome of this kind; `None` for an appointment, which needs its time.
    pub fn outcome(self) -> Option<Outcome> {
        Some(match self {
            OutcomeKind::Complete => Outcome::Complete,
            OutcomeKind::Partial => Outcome::Partial,
            OutcomeKind::Refusal => Outcome::Refusal,
            OutcomeKind::BreakOff => Outcome::BreakOff,
            OutcomeKind::NoAnswer => Outcome::NoAnswer,
            OutcomeKind::Busy => Outcome::Busy,
            OutcomeKind::MachineMessageLeft => Outcome::MachineMessageLeft,
            OutcomeKind::MachineNoMessage => Outcome::MachineNoMessage,
            OutcomeKind::WrongNumber => Outcome::WrongNumber,
            OutcomeKind::Disconnected => Outcome::Disconnected,
            OutcomeKind::TechnicalProblem => Outcome::TechnicalProblem,
            OutcomeKind::Appointment => return None,
        })
    }
}

/// The outcome of one call. In JSON: `{"outcome": "no_answer"}`, or
/// `{"outcome": "appointment", "at": "2026-11-03T15:00:00+08:00"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum Outcome {
    /// 1.1 complete.
    Complete,
    /// 1.2 partial.
    Partial,
    /// 2.11 refusal.
    Refusal,
    /// 2.12 break-off.
    BreakOff,
    /// No answer (temporary; 3.13 when final).
    NoAnswer,
    /// Busy (temporary; 3.12 when final).
    Busy,
    /// Answering machine, message left (temporary; 2.221 when final).
    MachineMessageLeft,
    /// Answering machine, no message left (temporary; 2.222 when final).
    MachineNoMessage,
    /// 4.10 wrong number.
    WrongNumber,
    /// 4.32 disconnected.
    Disconnected,
    /// Technical problem (temporary; 3.16 when final).
    TechnicalProblem,
    /// Call back at a set time (temporary; 2.21 respondent never available when final).
    Appointment {
        /// When the customer asked to be called, within calling hours.
        at: DateTime<FixedOffset>,
    },
}

impl Outcome {
    /// The kind, for labels and grouping.
    pub fn kind(self) -> OutcomeKind {
        match self {
            Outcome::Complete => OutcomeKind::Complete,
            Outcome::Partial => OutcomeKind::Partial,
            Outcome::Refusal => OutcomeKind::Refusal,
            Outcome::BreakOff => OutcomeKind::BreakOff,
            Outcome::NoAnswer => OutcomeKind::NoAnswer,
            Outcome::Busy => OutcomeKind::Busy,
            Outcome::MachineMessageLeft => OutcomeKind::MachineMessageLeft,
            Outcome::MachineNoMessage => OutcomeKind::MachineNoMessage,
            Outcome::WrongNumber => OutcomeKind::WrongNumber,
            Outcome::Disconnected => OutcomeKind::Disconnected,
            Outcome::TechnicalProblem => OutcomeKind::TechnicalProblem,
            Outcome::Appointment { .. } => OutcomeKind::Appointment,
        }
    }

    /// The AAPOR code of this outcome (DOMAIN.md §3): the case's final code when the outcome is
    /// final, the code it would close with otherwise.
    pub fn disposition(self) -> Disposition {
        match self {
            Outcome::Complete => Disposition::Complete,
            Outcome::Partial => Disposition::Partial,
            Outcome::Refusal => Disposition::Refusal,
            Outcome::BreakOff => Disposition::BreakOff,
            Outcome::NoAnswer => Disposition::NoAnswer,
            Outcome::Busy => Disposition::AlwaysBusy,
            Outcome::MachineMessageLeft => Disposition::MachineMessageLeft,
            Outcome::MachineNoMessage => Disposition::MachineNoMessage,
            Outcome::WrongNumber => Disposition::WrongNumber,
            Outcome::Disconnected => Disposition::Disconnected,
            Outcome::TechnicalProblem => Disposition::TechnicalProblem,
            Outcome::Appointment { .. } => Disposition::NeverAvailable,
        }
    }

    /// Whether the outcome closes the case at once (complete, partial, refusal, break-off, wrong
    /// number, disconnected). The others are temporary: the case is called again.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Outcome::Complete
                | Outcome::Partial
                | Outcome::Refusal
                | Outcome::BreakOff
                | Outcome::WrongNumber
                | Outcome::Disconnected
        )
    }

    /// The delay before the next call after this outcome, for the temporary outcomes that are
    /// retried after a delay (an appointment sets its own time).
    pub fn delay_minutes(self, delays: &RetryDelays) -> Option<u32> {
        match self {
            Outcome::NoAnswer => Some(delays.no_answer_minutes),
            Outcome::Busy => Some(delays.busy_minutes),
            Outcome::MachineMessageLeft | Outcome::MachineNoMessage => Some(delays.answering_machine_minutes),
            Outcome::TechnicalProblem => Some(delays.technical_problem_minutes),
            _ => None,
        }
    }
}

/// How much a temporary outcome says about the case: a customer reached (appointment) says more
/// than an answering machine (the number is live and likely the customer's), which says more than
/// busy, no answer or a line fault (eligibility unknown).
fn evidence(o: Outcome) -> u8 {
    match o {
        Outcome::Appointment { .. } => 3,
        Outcome::MachineMessageLeft | Outcome::MachineNoMessage => 2,
        _ => 1,
    }
}

/// The final code of a case closed by the attempt cap: the code of its most informative temporary
/// outcome — an appointment (2.21) over an answering machine (2.221 / 2.222) over busy, no answer
/// or a technical problem (3.12 / 3.13 / 3.16) — and among equals the latest. So a case that once
/// reached a machine and then rang out stays a non-contact with an eligible number (2.22x) instead
/// of falling back to unknown eligibility (3.x), in the spirit of AAPOR's classes (contact over
/// non-contact over unknown). `None` when there is no attempt.
pub fn exhausted_code(attempts: &[Attempt]) -> Option<Disposition> {
    attempts
        .iter()
        .enumerate()
        .max_by_key(|(i, a)| (evidence(a.outcome), *i))
        .map(|(_, a)| a.outcome.disposition())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::at;

    #[test]
    fn final_and_temporary_outcomes() {
        let finals = [
            Outcome::Complete,
            Outcome::Partial,
            Outcome::Refusal,
            Outcome::BreakOff,
            Outcome::WrongNumber,
            Outcome::Disconnected,
        ];
        assert!(finals.iter().all(|o| o.is_final()));
        let temporary = [
            Outcome::NoAnswer,
            Outcome::Busy,
            Outcome::MachineMessageLeft,
            Outcome::MachineNoMessage,
            Outcome::TechnicalProblem,
            Outcome::Appointment { at: at("2026-11-03T15:00:00+08:00") },
        ];
        assert!(temporary.iter().all(|o| !o.is_final()));
        // Codes of DOMAIN.md §3.
        let codes: Vec<&str> = finals.iter().chain(&temporary).map(|o| o.disposition().code()).collect();
        assert_eq!(
            codes,
            ["1.1", "1.2", "2.11", "2.12", "4.10", "4.32", "3.13", "3.12", "2.221", "2.222", "3.16", "2.21"]
        );
    }

    #[test]
    fn json_form() {
        let o = Outcome::Appointment { at: at("2026-11-03T15:00:00+08:00") };
        let json = serde_json::to_string(&o).unwrap();
        assert_eq!(json, r#"{"outcome":"appointment","at":"2026-11-03T15:00:00+08:00"}"#);
        assert_eq!(serde_json::from_str::<Outcome>(&json).unwrap(), o);
        assert_eq!(serde_json::to_string(&Outcome::NoAnswer).unwrap(), r#"{"outcome":"no_answer"}"#);
        assert_eq!(Outcome::NoAnswer.kind().code(), "no_answer");
        // Each kind but the appointment is an outcome of its own, and back.
        for kind in OutcomeKind::ALL {
            match kind.outcome() {
                Some(o) => assert_eq!(o.kind(), *kind),
                None => assert_eq!(*kind, OutcomeKind::Appointment),
            }
        }
    }
}
