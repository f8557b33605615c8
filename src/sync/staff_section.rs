//! The staff screen's section 同步 (behind the PIN): the server's database URL, this device's
//! user and password (the password is kept on the device and never shown again: its field is
//! always empty), how long synced responses stay, 立即同步, the last successful sync, how many
//! records wait, and the last error in plain words.

use super::engine::{self, Failure};
use super::runner;
use super::settings::{DbUrl, SyncSettings, SyncStatus};
use super::texts::{StaffText as S, SyncText};
use crate::storage::Store;
use manyi_core::Lang;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The fields as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Form {
    /// The database URL.
    pub url: String,
    /// The user.
    pub user: String,
    /// The password (empty: keep the saved one).
    pub password: String,
    /// Days to keep synced responses (empty: keep them).
    pub prune_days: String,
}

/// The settings the form gives, with the saved password when the field was left empty, or what
/// is wrong (the text and a detail).
pub fn read_form(form: &Form, old: Option<&SyncSettings>) -> Result<SyncSettings, (S, String)> {
    let url = DbUrl::try_from(form.url.clone()).map_err(|e| (S::BadUrl, e))?;
    let user = form.user.trim().to_owned();
    if user.is_empty() {
        return Err((S::NeedUser, String::new()));
    }
    let password = match (form.password.is_empty(), old) {
        (false, _) => form.password.clone(),
        (true, Some(o)) if o.user == user => o.password.clone(),
        _ => return Err((S::NeedPassword, String::new())),
    };
    let prune_days = match form.prune_days.trim() {
        "" => None,
        d => match d.parse::<u32>() {
            Ok(n) if (1..=3650).contains(&n) => Some(n),
            _ => return Err((S::BadDays, d.to_owned())),
        },
    };
    Ok(SyncSettings { url, user, password, prune_days })
}

/// What the section shows besides the form.
#[derive(Debug, Clone, Default, PartialEq)]
struct Shown {
    settings: Option<SyncSettings>,
    status: SyncStatus,
    waiting: usize,
}

async fn read(store: &Store) -> Shown {
    Shown {
        settings: engine::settings(store).await.ok().flatten(),
        status: engine::status(store).await.unwrap_or_default(),
        waiting: store.sync_waiting().await.unwrap_or(0),
    }
}

/// Props of [`SyncSection`].
#[derive(Properties, PartialEq)]
pub struct SyncProps {
    /// The store, once open.
    pub store: Option<Store>,
    /// The interface language.
    pub lang: Lang,
}

/// One input: its id, label, type and placeholder.
type Input = (&'static str, S, &'static str, Option<&'static str>);

fn field(
    input: Input,
    value: String,
    form: &UseStateHandle<Form>,
    set: fn(&mut Form, String),
    lang: Lang,
) -> Html {
    let (id, label, kind, hint) = input;
    let form = form.clone();
    let onchange = Callback::from(move |e: Event| {
        let mut f = (*form).clone();
        set(&mut f, e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
        form.set(f);
    });
    html! {
        <label class="field" for={id}>
            <span>{ label.get(lang) }</span>
            <input {id} type={kind} autocomplete="off" {value} placeholder={hint.unwrap_or_default()} {onchange} />
        </label>
    }
}

/// The section.
#[function_component(SyncSection)]
pub fn sync_section(p: &SyncProps) -> Html {
    let lang = p.lang;
    let shown = use_state(|| None::<Shown>);
    let form = use_state(Form::default);
    let message = use_state(|| None::<(bool, String)>);
    let busy = use_state(|| false);
    let tick = use_state(|| 0u32);
    {
        // Read now, and again every few seconds: the background sync may have run meanwhile.
        let (shown, form, tick) = (shown.clone(), form.clone(), tick.clone());
        use_effect_with((p.store.clone(), *tick), move |(store, n)| {
            let first = *n == 0;
            if let Some(store) = store.clone() {
                spawn_local(async move {
                    let s = read(&store).await;
                    if first {
                        if let Some(settings) = &s.settings {
                            form.set(Form {
                                url: settings.url.to_string(),
                                user: settings.user.clone(),
                                password: String::new(),
                                prune_days: settings.prune_days.map(|d| d.to_string()).unwrap_or_default(),
                            });
                        }
                    }
                    shown.set(Some(s));
                });
            }
            let timer = gloo_timers::callback::Timeout::new(3_000, move || tick.set(*tick + 1));
            move || drop(timer)
        });
    }
    let Some(store) = p.store.clone() else { return Html::default() };
    let Some(now) = (*shown).clone() else { return Html::default() };
    let save = {
        let (store, form, message, tick, old) =
            (store.clone(), form.clone(), message.clone(), tick.clone(), now.settings.clone());
        Callback::from(move |_| match read_form(&form, old.as_ref()) {
            Err((text, detail)) => message.set(Some((false, format!("{} {detail}", text.get(lang))))),
            Ok(settings) => {
                let (store, form, message, tick) =
                    (store.clone(), form.clone(), message.clone(), tick.clone());
                spawn_local(async move {
                    match engine::configure(&store, &settings).await {
                        Ok(()) => {
                            form.set(Form { password: String::new(), ..(*form).clone() });
                            message.set(Some((true, S::Saved.get(lang).into())));
                            // This page's sync worker starts now that sync is set up.
                            super::background::spawn_worker();
                            super::background::nudge();
                        }
                        Err(e) => message.set(Some((false, e.to_string()))),
                    }
                    tick.set(*tick + 1);
                });
            }
        })
    };
    let forget = {
        let (store, form, message, tick) = (store.clone(), form.clone(), message.clone(), tick.clone());
        Callback::from(move |_| {
            let (store, form, message, tick) = (store.clone(), form.clone(), message.clone(), tick.clone());
            spawn_local(async move {
                match engine::forget(&store).await {
                    Ok(()) => {
                        form.set(Form::default());
                        message.set(Some((true, S::Forgotten.get(lang).into())));
                    }
                    Err(e) => message.set(Some((false, e.to_string()))),
                }
                tick.set(*tick + 1);
            });
        })
    };
    let sync_now = {
        let (store, message, busy, tick) = (store.clone(), message.clone(), busy.clone(), tick.clone());
        Callback::from(move |_| {
            let (store, message, busy, tick) = (store.clone(), message.clone(), busy.clone(), tick.clone());
            busy.set(true);
            spawn_local(async move {
                let outcome = runner::sync_now(&store).await;
                busy.set(false);
                match outcome {
                    Err(e) => message.set(Some((false, words(&e, lang)))),
                    Ok(None) => message.set(Some((false, S::NotSetUp.get(lang).into()))),
                    Ok(Some(_)) => message.set(None),
                }
                tick.set(*tick + 1);
            });
        })
    };
    let last_success = now
        .status
        .last_success
        .map_or_else(|| S::Never.get(lang).to_owned(), |t| t.format("%Y-%m-%d %H:%M:%S").to_string());
    let last_error = match &now.status.last_error {
        None => html! { <td class="sync-last-error">{ S::NoError.get(lang) }</td> },
        Some(e) => html! {
            <td class="sync-last-error" data-problem={format!("{:?}", e.problem)}>
                { SyncText::of(&e.problem).get(lang) }
                <small class="sync-error-detail">{ format!(" ({} · {}{})", e.at.format("%H:%M:%S"), S::TechnicalDetail.get(lang), e.detail) }</small>
            </td>
        },
    };
    let configured = now.settings.is_some();
    let kept = configured.then_some(S::PasswordKept.get(lang));
    let message = (*message).clone().map(|(ok, text)| {
        html! { <p class={if ok { "ok" } else { "error" }} role={if ok { "status" } else { "alert" }}>{ text }</p> }
    });
    html! {
        <div class="staff-sync">
            <p class="note">{ S::Intro.get(lang) }</p>
            <table class="counts">
                <tbody>
                    <tr><th scope="row">{ S::LastSuccess.get(lang) }</th><td class="sync-last-success">{ last_success }</td></tr>
                    <tr><th scope="row">{ S::Waiting.get(lang) }</th><td class="number sync-waiting">{ now.waiting }</td></tr>
                    <tr><th scope="row">{ S::Sent.get(lang) }</th><td class="number sync-sent">{ now.status.last_sent }</td></tr>
                    <tr><th scope="row">{ S::LastError.get(lang) }</th>{ last_error }</tr>
                </tbody>
            </table>
            <p class="exports">
                <button type="button" id="sync-now" class="primary" disabled={*busy || !configured} onclick={sync_now}>
                    { if *busy { S::Syncing.get(lang) } else { S::SyncNow.get(lang) } }
                </button>
            </p>
            { for message }
            { field(("sync-url", S::Url, "url", Some("https://couch.example.com:6984/manyi-device-hall1")), form.url.clone(), &form, |f, v| f.url = v, lang) }
            { field(("sync-user", S::User, "text", None), form.user.clone(), &form, |f, v| f.user = v, lang) }
            { field(("sync-password", S::Password, "password", kept), form.password.clone(), &form, |f, v| f.password = v, lang) }
            { field(("sync-prune", S::PruneDays, "text", None), form.prune_days.clone(), &form, |f, v| f.prune_days = v, lang) }
            <p class="exports">
                <button type="button" onclick={save}>{ S::Save.get(lang) }</button>
                if configured {
                    <button type="button" class="secondary" onclick={forget}>{ S::Forget.get(lang) }</button>
                }
            </p>
        </div>
    }
}

/// A failure in words, with its detail.
fn words(e: &Failure, lang: Lang) -> String {
    format!("{} ({})", SyncText::of_failure(e).get(lang), e.detail())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(url: &str, user: &str, password: &str, days: &str) -> Form {
        Form { url: url.into(), user: user.into(), password: password.into(), prune_days: days.into() }
    }

    #[test]
    fn the_form_keeps_the_saved_password_for_the_same_user_only() {
        let first = read_form(&form("https://h/manyi-device-a", " a ", "pw", "30"), None).unwrap();
        assert_eq!((first.user.as_str(), first.password.as_str(), first.prune_days), ("a", "pw", Some(30)));
        let again = read_form(&form("https://h/manyi-device-a", "a", "", ""), Some(&first)).unwrap();
        assert_eq!((again.password.as_str(), again.prune_days), ("pw", None));
        let other = read_form(&form("https://h/manyi-device-b", "b", "", ""), Some(&first));
        assert_eq!(other.unwrap_err().0, S::NeedPassword);
        assert_eq!(read_form(&form("https://h/x", "", "pw", ""), None).unwrap_err().0, S::NeedUser);
        assert_eq!(read_form(&form("h/x", "a", "pw", ""), None).unwrap_err().0, S::BadUrl);
        for bad in ["0", "x", "4000", "-1"] {
            assert_eq!(
                read_form(&form("https://h/x", "a", "pw", bad), None).unwrap_err().0,
                S::BadDays,
                "{bad}"
            );
        }
    }
}
