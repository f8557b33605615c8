//! Every kind of core's error is said in both languages, its place once.

use super::*;
use manyi_core::error::MatrixFault;
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

fn one_of_each() -> Vec<Error> {
    let at = || Position::at(1500, 118).in_file("tablet.json");
    let mut all = vec![
        Error::InvalidQuestionnaire {
            questionnaire: "hall".into(),
            item: Some("wait".into()),
            reason: "r".into(),
        },
        Error::InvalidResponse { response: "r1".into(), item: None, reason: "r".into() },
        Error::Input { position: at().with_field("rating"), reason: "r".into() },
        Error::InvalidArgument { what: "band".into(), reason: "r".into() },
        Error::InsufficientData { what: "drivers".into(), reason: "r".into() },
        Error::Export { what: "book.xlsx".into(), reason: "r".into() },
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
