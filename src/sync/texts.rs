//! The sync's texts: zh-CN first, English second. What went wrong is said in plain words with
//! what to do next; the technical detail is shown apart, smaller, for the technician.

use super::engine::Failure;
use super::settings::Problem;

crate::i18n::texts! {
    SyncText, "A text of the sync.";
    Unreachable => "无法连接服务器：设备未联网，或服务器没有响应。联网后会自动重试。", "Cannot reach the server: the device is offline or the server does not answer. It retries by itself once online.";
    Unauthorized => "服务器不接受用户名或密码，请核对本设备的同步账号。", "The server does not accept the user name or password: check this device's sync account.";
    Forbidden => "此账号无权使用该数据库，请核对数据库地址或联系管理员。", "This account may not use that database: check the database URL or ask the administrator.";
    NotADatabase => "该地址不是数据库，请填写完整的数据库地址（如 https://服务器:6984/manyi-device-设备名）。", "That address is not a database: give the database's full URL (e.g. https://server:6984/manyi-device-NAME).";
    NotCouchDb => "回应的不是 CouchDB 服务器（可能是代理或登录页面），请核对地址。", "What answered is not the CouchDB server (perhaps a proxy or a login page): check the URL.";
    Refused => "服务器拒收或未保存部分记录，记录仍保留在本设备，请联系管理员。", "The server refused or did not keep some records; they stay on this device. Tell the administrator.";
    Server => "服务器出错，稍后会自动重试。", "The server failed; it is retried later by itself.";
    Storage => "无法读写本设备的存储，请查看存储空间。", "This device's storage could not be read or written: check its space.";
}

impl SyncText {
    /// The words for a kind of problem.
    pub fn of(problem: &Problem) -> SyncText {
        match problem {
            Problem::Unreachable => SyncText::Unreachable,
            Problem::Unauthorized => SyncText::Unauthorized,
            Problem::Forbidden => SyncText::Forbidden,
            Problem::NotADatabase => SyncText::NotADatabase,
            Problem::NotCouchDb => SyncText::NotCouchDb,
            Problem::Refused => SyncText::Refused,
            Problem::Server => SyncText::Server,
            Problem::Storage => SyncText::Storage,
        }
    }

    /// The words for a failure.
    pub fn of_failure(f: &Failure) -> SyncText {
        SyncText::of(&f.problem())
    }
}

crate::i18n::texts! {
    StaffText, "A text of the staff screen's sync section.";
    Title => "同步", "Sync";
    Intro => "记录会自动发送到公司的服务器（提交后、恢复联网时及每隔几分钟）；服务器确认后才算已同步。", "Records go to the company's server by themselves (after a submit, when back online, every few minutes); a record counts as synced only once the server has confirmed it.";
    Url => "服务器数据库地址", "Server database URL";
    User => "本设备的用户名", "This device's user";
    Password => "密码", "Password";
    PasswordKept => "已保存在本设备，不再显示；留空则保持不变", "Kept on this device and never shown again; leave empty to keep it";
    PruneDays => "已同步的答卷保留天数（留空：一直保留）", "Keep synced responses for days (empty: keep them)";
    Save => "保存同步设置", "Save the sync settings";
    Saved => "同步设置已保存", "Sync settings saved";
    Forget => "停止同步并删除账号", "Stop syncing and remove the account";
    Forgotten => "已停止同步，账号已从本设备删除；未同步的记录仍保留", "Sync stopped and the account removed from this device; unsynced records are kept";
    NotSetUp => "尚未设置同步", "Sync is not set up";
    SyncNow => "立即同步", "Sync now";
    Syncing => "正在同步…", "Syncing…";
    LastSuccess => "上次成功同步", "Last successful sync";
    Never => "从未", "Never";
    Waiting => "等待同步的记录", "Records waiting to sync";
    LastError => "上次错误", "Last error";
    TechnicalDetail => "技术细节：", "technical detail: ";
    NoError => "无", "None";
    Sent => "上次发送", "Sent last time";
    NeedPassword => "请填写密码", "Enter the password";
    NeedUser => "请填写用户名", "Enter the user name";
    BadDays => "保留天数应为 1 到 3650 之间的整数", "Days to keep is a whole number from 1 to 3650";
    BadUrl => "地址不正确", "The URL is not right";
}
