//! The 从服务器载入 panel: the databases (one URL a line), the analyst's user and password (kept
//! on the device once used, never shown again), and the button that loads them.

use super::server::ServerSource;
use super::texts::T;
use crate::storage::Store;
use crate::sync::settings::DbUrl;
use manyi_core::Lang;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Props of [`ServerPanel`].
#[derive(Properties, PartialEq)]
pub struct ServerProps {
    /// The store (where the server is kept), if open.
    pub store: Option<Store>,
    /// An import or load is under way.
    pub busy: bool,
    /// Load these databases.
    pub on_load: Callback<ServerSource>,
    /// The interface language.
    pub lang: Lang,
}

fn value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>().value()
}

/// The panel.
#[function_component(ServerPanel)]
pub fn server_panel(p: &ServerProps) -> Html {
    let lang = p.lang;
    let urls = use_state(String::new);
    let user = use_state(String::new);
    let password = use_state(String::new);
    let saved = use_state(|| None::<ServerSource>);
    let error = use_state(|| None::<String>);
    {
        let (urls, user, saved) = (urls.clone(), user.clone(), saved.clone());
        use_effect_with(p.store.clone(), move |store| {
            if let Some(store) = store.clone() {
                spawn_local(async move {
                    if let Some(s) = super::server::saved(&store).await {
                        urls.set(s.urls.iter().map(DbUrl::to_string).collect::<Vec<_>>().join("\n"));
                        user.set(s.user.clone());
                        saved.set(Some(s));
                    }
                });
            }
        });
    }
    let on_urls = {
        let urls = urls.clone();
        Callback::from(move |e: Event| {
            urls.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        })
    };
    let on_user = {
        let user = user.clone();
        Callback::from(move |e: Event| user.set(value(&e).trim().to_owned()))
    };
    let on_password = {
        let password = password.clone();
        Callback::from(move |e: Event| password.set(value(&e)))
    };
    let on_click = {
        let (urls, user, password, saved, error) =
            (urls.clone(), user.clone(), password.clone(), saved.clone(), error.clone());
        let (store, on_load) = (p.store.clone(), p.on_load.clone());
        Callback::from(move |_| {
            let parsed: Result<Vec<DbUrl>, String> = urls
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| DbUrl::try_from(l.to_owned()).map_err(|e| format!("{}: {e}", l.trim())))
                .collect();
            let parsed = match parsed {
                Ok(list) if !list.is_empty() => list,
                Ok(_) => return error.set(Some(T::ServerUrls.get(lang).to_owned())),
                Err(e) => return error.set(Some(e)),
            };
            let pw = match (password.is_empty(), saved.as_ref()) {
                (false, _) => (*password).clone(),
                (true, Some(s)) if s.user == *user => s.password.clone(),
                _ => return error.set(Some(T::ServerPassword.get(lang).to_owned())),
            };
            error.set(None);
            let source = ServerSource { urls: parsed, user: (*user).clone(), password: pw };
            password.set(String::new());
            saved.set(Some(source.clone()));
            if let Some(store) = store.clone() {
                let s = source.clone();
                spawn_local(async move { super::server::save(&store, &s).await });
            }
            on_load.emit(source);
        })
    };
    let placeholder = if saved.is_some() { T::PasswordSaved.get(lang) } else { "" };
    html! {
        <section class="an-server" aria-labelledby="an-server-title">
            <h2 id="an-server-title">{ T::ServerTitle.get(lang) }</h2>
            <p class="note">{ T::ServerNote.get(lang) }</p>
            <label class="field">
                <span>{ T::ServerUrls.get(lang) }</span>
                <textarea id="an-server-urls" rows="3" value={(*urls).clone()} onchange={on_urls}
                    placeholder="https://couch.example.com:6984/manyi-company" />
            </label>
            <label class="field">
                <span>{ T::ServerUser.get(lang) }</span>
                <input id="an-server-user" type="text" autocomplete="off" value={(*user).clone()} onchange={on_user} />
            </label>
            <label class="field">
                <span>{ T::ServerPassword.get(lang) }</span>
                <input id="an-server-password" type="password" autocomplete="off" value={(*password).clone()}
                    placeholder={placeholder} onchange={on_password} />
            </label>
            { for error.as_ref().map(|e| html! { <p class="error" role="alert">{ e }</p> }) }
            <button type="button" class="primary" id="an-server-load" disabled={p.busy} onclick={on_click}>
                { T::LoadFromServer.get(lang) }
            </button>
        </section>
    }
}
