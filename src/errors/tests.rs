//! Every kind of core's error is said in both languages, its place once.

use super::*;
use manyi_core::error::{Figure, MatrixFault, Part, ResponseFault, Shortage};
use manyi_core::response::phone::PhoneProblem;
use manyi_core::sync::SyncError;

/// Which kind `e` is: exhaustive, so a new kind of error fails to compile here until it is
/// added to [`one_of_each`] (whose test then checks both languages).
fn kind(e: &Error) -> usize {
    match e {
        Error::InvalidQuestionnaire { .. } => 0,
        Error::InvalidResponse { .. } => 1,
        Error::Input { .. } => 2,
        Error::Json { .. } => 3,
        Error::InvalidMatrix { .. } => 4,
        Error::InvalidArgument { .. } => 5,
        Error::InsufficientData { .. } => 6,
        Error::Export { .. } => 7,
        Error::Sync(_) => 8,
    }
}
const KINDS: usize = 9;

fn figures() -> Vec<Figure> {
    vec![
        Figure::ImportancePerformance,
        Figure::DerivedWeights,
        Figure::StandardisedCoefficients,
        Figure::Correlations,
        Figure::Performance,
        Figure::PenaltyReward,
        Figure::Kano,
        Figure::NetPromoterScore,
        Figure::AhpEigenvector,
    ]
}

fn parts() -> Vec<Part> {
    let band = |high| Part::Band { item: "wait".into(), high, from: 1.0, to: 2.0 };
    vec![Part::Whole, Part::Item("wait".into()), band(false), band(true), Part::Attribute("a".into())]
}

fn shortages() -> Vec<Shortage> {
    vec![
        Shortage::NoPoints,
        Shortage::NoPositive { n: 30 },
        Shortage::OverallConstant { n: 30 },
        Shortage::ItemConstant { n: 30, value: 4.0 },
        Shortage::TooFew { n: 3, coefficients: 4 },
        Shortage::TooFewForDummies { n: 3, dummies: 2 },
        Shortage::Collinear,
        Shortage::NobodyAnswered,
        Shortage::NothingToExplain { n: 30, overall: 3.0 },
        Shortage::BandConstant { n: 30, all: false },
        Shortage::BandConstant { n: 30, all: true },
        Shortage::BandCollinear,
        Shortage::NoAnswers,
        Shortage::NoScores,
        Shortage::NotConverged { steps: 1000 },
    ]
}

fn response_faults() -> Vec<ResponseFault> {
    let code = || "x".to_owned();
    vec![
        ResponseFault::NoSuchItem,
        ResponseFault::NotShown,
        ResponseFault::Phone(PhoneProblem::MobilePrefix),
        ResponseFault::ScaleUndefined,
        ResponseFault::OffScale { value: 7, from: 1, to: 5 },
        ResponseFault::NotAnOption { code: code() },
        ResponseFault::ChosenTwice { code: code() },
        ResponseFault::NotFinite,
        ResponseFault::OutsideRange { value: 12.0, min: Some(0.0), max: None },
        ResponseFault::TooLong { chars: 600, limit: 500 },
        ResponseFault::NoNotApplicable { kind: "choice".into() },
        ResponseFault::WrongAnswer { kind: "rating".into(), answer: "yes".into() },
        ResponseFault::Tag("unknown business type `zz`".into()),
        ResponseFault::Closed,
        ResponseFault::OtherQuestionnaire { answers: "hall v1".into(), expected: "hall v2".into() },
        ResponseFault::DraftSubmitted,
        ResponseFault::NoSubmissionTime,
        ResponseFault::SubmittedBeforeStarted,
        ResponseFault::AnsweredHidden,
        ResponseFault::NoteOnUnknownItem,
        ResponseFault::Required,
    ]
}

fn one_of_each() -> Vec<Error> {
    let at = || Position::at(1500, 118).in_file("tablet.json");
    let mut all = vec![
        Error::InvalidQuestionnaire {
            questionnaire: "hall".into(),
            item: Some("wait".into()),
            reason: manyi_core::Text::new("题目编号重复", "duplicate item id"),
        },
        Error::Input { position: at().with_field("rating"), reason: "r".into() },
        Error::InvalidArgument { what: "band".into(), reason: "r".into() },
        Error::Export {
            part: ExportPart::Sheet("responses".into()),
            fault: ExportFault::TooManyRows { rows: 1_048_576, most: 1_048_575 },
        },
        Error::Export { part: ExportPart::CreationTime, fault: ExportFault::Writer("w".into()) },
        Error::Export { part: ExportPart::Workbook, fault: ExportFault::Writer("w".into()) },
        Error::Sync(SyncError::Unreachable { reason: "r".into() }),
    ];
    for fault in [
        MatrixFault::Empty,
        MatrixFault::TooMany { criteria: 11, most: 10 },
        MatrixFault::NotSquare { entries: 1, rows: 2 },
        MatrixFault::NotPositive { value: 0.0 },
        MatrixFault::Diagonal { value: 2.0 },
        MatrixFault::NotReciprocal { value: 0.333, mirror: 3.0 },
    ] {
        all.push(Error::InvalidMatrix { row: 1, column: 2, fault });
    }
    for fault in response_faults() {
        all.push(Error::InvalidResponse { response: "r1".into(), item: Some("wait".into()), fault });
    }
    let (figures, parts, shortages) = (figures(), parts(), shortages());
    // Each figure, part and shortage at least once (a figure with a part and a shortage in turn).
    let (nf, np, ns) = (figures.len(), parts.len(), shortages.len());
    for k in 0..nf.max(np).max(ns) {
        let (figure, part, shortage) = (figures[k % nf], parts[k % np].clone(), shortages[k % ns].clone());
        all.push(Error::InsufficientData { figure, part, shortage });
    }
    for expected in [JsonExpected::Export, JsonExpected::Questionnaire, JsonExpected::Json] {
        for fault in [JsonFault::Syntax, JsonFault::CutShort, JsonFault::Shape] {
            all.push(Error::Json { position: at(), expected, fault, detail: "expected value".into() });
        }
    }
    all
}

fn chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_kind_is_said_in_both_languages() {
    let all = one_of_each();
    let mut seen: Vec<usize> = all.iter().map(kind).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (0..KINDS).collect::<Vec<_>>(), "one_of_each lacks a kind");
    for e in &all {
        let (zh, en) = (say(e, Lang::Zh), say(e, Lang::En));
        assert!(chinese(&zh), "no Chinese in {zh:?} for {e:?}");
        assert!(!chinese(&en), "Chinese in {en:?} for {e:?}");
    }
    // Each kind of JSON fault and of expected file has words of its own in each language.
    let json: Vec<_> = all.iter().filter(|e| kind(e) == 3).collect();
    for lang in [Lang::Zh, Lang::En] {
        let mut said: Vec<String> = json.iter().map(|e| say(e, lang)).collect();
        said.sort();
        said.dedup();
        assert_eq!(said.len(), 9, "{lang:?}");
    }
    // Each figure, part and shortage has words of its own in each language.
    let short: Vec<_> = all.iter().filter(|e| kind(e) == 6).collect();
    assert_eq!(short.len(), 15);
    for lang in [Lang::Zh, Lang::En] {
        let mut said: Vec<String> = short.iter().map(|e| say(e, lang)).collect();
        said.sort();
        said.dedup();
        assert_eq!(said.len(), 15, "{lang:?}");
        let figures: std::collections::BTreeSet<_> =
            figures().iter().map(|f| shortage::figure(*f, lang)).collect();
        assert_eq!(figures.len(), 9, "{lang:?}");
        let mut words: Vec<String> = shortages().iter().map(|s| shortage::shortage(s, lang)).collect();
        words.sort();
        words.dedup();
        assert_eq!(words.len(), 15, "{lang:?}");
        let parts: std::collections::BTreeSet<_> = parts().iter().map(|p| shortage::part(p, lang)).collect();
        assert_eq!(parts.len(), 5, "{lang:?}");
    }
    // The English words are core's own (its Display, what the command line says); the Chinese
    // ones are Chinese.
    for f in figures() {
        assert_eq!(shortage::figure(f, Lang::En), f.to_string());
        assert!(chinese(shortage::figure(f, Lang::Zh)), "{f:?}");
    }
    for p in parts() {
        assert_eq!(shortage::part(&p, Lang::En), p.to_string());
    }
    for s in shortages() {
        assert_eq!(shortage::shortage(&s, Lang::En), s.to_string());
        assert!(chinese(&shortage::shortage(&s, Lang::Zh)), "{s:?}");
    }
    // An export's error in English is core's own words; each part and fault has its own.
    for e in all.iter().filter(|e| kind(e) == 7) {
        assert_eq!(say(e, Lang::En), e.to_string());
    }
    for lang in [Lang::Zh, Lang::En] {
        let mut said: Vec<String> = all.iter().filter(|e| kind(e) == 7).map(|e| say(e, lang)).collect();
        said.sort();
        said.dedup();
        assert_eq!(said.len(), 3, "{lang:?}");
    }
    for e in &all {
        if let Error::InvalidMatrix { fault, .. } = e {
            assert_eq!(matrix::say(fault, Lang::En), fault.to_string());
        }
    }
    // Each rule a response breaks has words of its own; the English are core's own, except a
    // phone problem's (the keypad's words, which core words otherwise).
    for lang in [Lang::Zh, Lang::En] {
        let mut said: Vec<String> = response_faults().iter().map(|f| response::say(f, lang)).collect();
        said.sort();
        said.dedup();
        assert_eq!(said.len(), 21, "{lang:?}");
    }
    for f in response_faults() {
        if !matches!(f, ResponseFault::Phone(_)) {
            assert_eq!(response::say(&f, Lang::En), f.to_string());
        }
        assert!(chinese(&response::say(&f, Lang::Zh)), "{f:?}");
    }
    // Each kind of matrix fault too, with its numbers.
    let matrix: Vec<_> = all.iter().filter(|e| kind(e) == 4).collect();
    for lang in [Lang::Zh, Lang::En] {
        let mut said: Vec<String> = matrix.iter().map(|e| say(e, lang)).collect();
        said.sort();
        said.dedup();
        assert_eq!(said.len(), 6, "{lang:?}");
    }
}

#[test]
fn an_empty_matrix_is_said_in_chinese() {
    // What the analyst met picking Kano with AHP weights chosen.
    let e = manyi_core::scoring::ahp::PairwiseMatrix::new(Vec::new()).unwrap_err();
    assert_eq!(say(&e, Lang::Zh), "两两比较矩阵第 1 行第 1 列：矩阵为空；请至少比较一个准则（1×1 矩阵 [1]）");
    let e =
        manyi_core::scoring::ahp::PairwiseMatrix::new(vec![vec![1.0, 3.0], vec![0.333, 1.0]]).unwrap_err();
    let zh = say(&e, Lang::Zh);
    assert!(zh.starts_with("两两比较矩阵第 2 行第 1 列：0.333 不是 3 的倒数；请填 1/3"), "{zh}");
}

#[test]
fn a_broken_file_says_its_place_once_in_the_screens_language() {
    // `x` where a value must stand, line 2: space 1, `"` 2, format 3–8, `"` 9, `:` 10, space 11,
    // `x` 12 — serde_json's own place, which it also appends to its words.
    let bytes = b"{\n \"format\": x}";
    let e = manyi_core::io::bundle::Bundle::from_json(bytes, "tablet-bad.json", &[]).unwrap_err();
    let (zh, en) = (say(&e, Lang::Zh), say(&e, Lang::En));
    assert!(zh.starts_with("tablet-bad.json，第 2 行，第 12 列：不是 Manyi 导出的文件："), "{zh}");
    assert!(en.starts_with("tablet-bad.json, line 2, column 12: not a Manyi export: "), "{en}");
    for said in [&zh, &en] {
        assert_eq!(said.matches("12").count(), 1, "the place once: {said}");
        assert!(!said.contains(" at line "), "{said}");
    }
}

#[test]
fn a_questionnaires_rule_is_said_in_the_screens_language() {
    // The hall questionnaire with its first item twice: the rule says so in both languages.
    let mut q = manyi_core::questionnaire::builtin::Builtin::Hall.questionnaire();
    let first = q.items[0].clone();
    q.items.push(first.clone());
    let e = q.validate().unwrap_err();
    let (zh, en) = (say(&e, Lang::Zh), say(&e, Lang::En));
    assert!(zh.contains(&format!("题目 {}：题目编号重复", first.id)), "{zh}");
    assert!(en.contains("duplicate item id"), "{en}");
    assert!(!chinese(&en), "{en}");
}
