//! Steps shared by the kiosk tests: a customer tapping through the hall survey (a tap the app's
//! double-tap guard swallows is made again, as a person does), staff setting the kiosk up, and
//! reading what IndexedDB holds.

use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;
use std::time::{Duration, Instant};

/// How long a tap may take to change the screen before it is taken as swallowed by the app's
/// double-tap guard (a tap within 400 ms of a screen appearing is ignored) and made again.
pub const SCREEN_CHANGE: Duration = Duration::from_millis(1500);

/// The staff PIN the tests set.
pub const PIN: &str = "2468";

/// The rating screens of the hall questionnaire, in order, after business and customer class.
pub const ITEMS: [&str; 11] = [
    "进厅后得到及时、准确的引导",
    "取号后的等候时间可以接受",
    "叫号顺序公平合理",
    "服务用语规范、态度热情",
    "办理速度快",
    "一次办好、准确无误",
    "政策、电价、流程解释清楚",
    "自助终端容易操作",
    "自助终端能满足办理需要",
    "营业厅整洁、舒适、设施齐全",
    "总体满意度",
];

pub async fn first_question(browser: &Browser) -> Option<String> {
    let element = browser.client().find(Locator::Css(".question")).await.ok()?;
    element.text().await.ok().map(|t| t.trim().to_owned())
}

pub async fn screen_changed_from(browser: &Browser, question: &str) -> bool {
    let deadline = Instant::now() + SCREEN_CHANGE;
    while Instant::now() < deadline {
        if first_question(browser).await.as_deref() != Some(question) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    false
}

/// On the screen asking `question`, taps the button named `name` until the screen changes.
pub async fn tap(browser: &Browser, question: &str, name: &str) {
    browser.wait_for_text(".question", question, TIMEOUT).await;
    let deadline = Instant::now() + TIMEOUT;
    loop {
        browser.click_button_by_accessible_name(name).await;
        if screen_changed_from(browser, question).await {
            return;
        }
        assert!(Instant::now() < deadline, "tapping {name:?} never left the screen {question:?}");
    }
}

const CLICK_TWICE: &str =
    "const b = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === arguments[0]);\
                           b.click(); b.click();";

/// The same, but with two clicks in one go, both landing before the app re-renders.
pub async fn double_tap(browser: &Browser, question: &str, name: &str) {
    browser.wait_for_text(".question", question, TIMEOUT).await;
    let deadline = Instant::now() + TIMEOUT;
    loop {
        browser.client().execute(CLICK_TWICE, vec![name.into()]).await.expect("double tap");
        if screen_changed_from(browser, question).await {
            return;
        }
        assert!(Instant::now() < deadline, "double-tapping {name:?} never left the screen {question:?}");
    }
}

/// Taps the button named `name` until an element matches `css`.
pub async fn press_until(browser: &Browser, name: &str, css: &str) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        browser.click_button_by_accessible_name(name).await;
        let shown = Instant::now() + SCREEN_CHANGE;
        while Instant::now() < shown {
            if browser.client().find(Locator::Css(css)).await.is_ok() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert!(Instant::now() < deadline, "tapping {name:?} never showed `{css}`");
    }
}

/// The same with two clicks in one go each time.
pub async fn double_press_until(browser: &Browser, name: &str, css: &str) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        browser.client().execute(CLICK_TWICE, vec![name.into()]).await.expect("double tap");
        let shown = Instant::now() + SCREEN_CHANGE;
        while Instant::now() < shown {
            if browser.client().find(Locator::Css(css)).await.is_ok() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert!(Instant::now() < deadline, "double-tapping {name:?} never showed `{css}`");
    }
}

/// Types into the field at `css`, replacing what it held, and leaves it (so it reports a change).
pub async fn fill(browser: &Browser, css: &str, text: &str) {
    let field = browser.wait_for(css, TIMEOUT).await;
    field.clear().await.expect("clear a field");
    field.send_keys(text).await.expect("type into a field");
}

/// First start: sets the staff PIN, which opens the staff screen.
pub async fn set_pin(browser: &Browser) {
    fill(browser, "#new-pin", PIN).await;
    fill(browser, "#repeat-pin", PIN).await;
    browser.click_button_by_accessible_name("保存密码").await;
    browser.wait_for_text(".staff h1", "工作人员设置", TIMEOUT).await;
}

/// On the staff screen: fills settings fields (`#setting-…` → value) and saves them.
pub async fn configure(browser: &Browser, fields: &[(&str, &str)]) {
    for (id, value) in fields {
        fill(browser, &format!("#setting-{id}"), value).await;
    }
    browser.click_button_by_accessible_name("保存设置").await;
    let outcome = browser.wait_for(".staff-settings .ok, .staff-settings .error", TIMEOUT).await;
    assert_eq!(outcome.text().await.unwrap(), "设置已保存");
}

/// Locks the staff screens and waits for the attract screen.
pub async fn lock(browser: &Browser) {
    browser.click_button_by_accessible_name("锁定并返回评价").await;
    attract(browser).await;
}

/// Waits for the attract screen, ready for a customer.
pub async fn attract(browser: &Browser) {
    browser.wait_for_text(".attract h1", "请评价本次服务", TIMEOUT).await;
    browser.wait_for_text(".start-button", "开始评价", TIMEOUT).await;
}

/// A fresh kiosk: PIN set, the given settings saved, back on the attract screen.
pub async fn set_up(browser: &Browser, fields: &[(&str, &str)]) {
    set_pin(browser).await;
    if !fields.is_empty() {
        configure(browser, fields).await;
    }
    lock(browser).await;
}

/// Enters the PIN on the keypad, key by key.
pub async fn enter_pin(browser: &Browser, pin: &str) {
    browser.wait_for("#staff-pin", TIMEOUT).await;
    for digit in pin.chars() {
        browser.click_button_by_accessible_name(&digit.to_string()).await;
    }
    // OK (确定), in whichever language is shown.
    let ok = browser.wait_for(".pin-pad button[type=submit]", TIMEOUT).await;
    ok.click().await.expect("press OK");
}

/// Taps 开始评价 until the first question shows.
pub async fn start(browser: &Browser) {
    attract(browser).await;
    press_until(browser, "开始评价", ".question").await;
    browser.wait_for_text(".question", "您今天办理的业务", TIMEOUT).await;
}

/// From the attract screen by taps to the last screen (comment, consent): business, class, every
/// item rated `rating` (the self-service items N/A) and `overall`.
pub async fn to_the_last_screen_with(browser: &Browser, business: &str, rating: &str, overall: &str) {
    start(browser).await;
    tap(browser, "您今天办理的业务", business).await;
    tap(browser, "您是", "居民").await;
    for question in &ITEMS[..10] {
        let name = if question.starts_with("自助终端") { "未使用/不适用" } else { rating };
        tap(browser, question, name).await;
    }
    tap(browser, ITEMS[10], overall).await;
    browser.wait_for("textarea", TIMEOUT).await;
}

/// The same, a payment with every item and the overall rated `rating`.
pub async fn to_the_last_screen(browser: &Browser, rating: &str) {
    to_the_last_screen_with(browser, "缴费", rating, rating).await;
}

/// A whole survey by taps: business, class, every item rated `rating` (the self-service items
/// N/A) and `overall`; on the last screen consent with `phone` if given; submitted; thanks shown.
pub async fn answer_all(browser: &Browser, business: &str, rating: &str, overall: &str, phone: Option<&str>) {
    to_the_last_screen_with(browser, business, rating, overall).await;
    if let Some(phone) = phone {
        press_until(browser, "是", "input[type=tel]").await;
        fill(browser, "input[type=tel]", phone).await;
    }
    press_until(browser, "提交", ".thanks h1").await;
    browser.wait_for_text(".thanks h1", "感谢您的评价！", TIMEOUT).await;
}

const READ_STORE: &str = "const done = arguments[arguments.length - 1];\
    const open = indexedDB.open('manyi');\
    open.onerror = () => done('could not open the database');\
    open.onsuccess = () => {\
      const db = open.result;\
      const all = db.transaction('responses').objectStore('responses').getAll();\
      all.onsuccess = () => { db.close(); done(JSON.stringify(all.result)); };\
      all.onerror = () => { db.close(); done('could not read'); };\
    };";

/// Every record of the `responses` store, as the app wrote it.
pub async fn stored(browser: &Browser) -> Vec<serde_json::Value> {
    let text = browser.execute_async(READ_STORE, vec![]).await;
    let text = text.as_str().expect("a string");
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Polls the store until `check` holds for its records.
pub async fn wait_for_store(
    browser: &Browser,
    what: &str,
    check: impl Fn(&[serde_json::Value]) -> bool,
) -> Vec<serde_json::Value> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let records = stored(browser).await;
        if check(&records) {
            return records;
        }
        assert!(Instant::now() < deadline, "{what}: the store holds {records:#?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
