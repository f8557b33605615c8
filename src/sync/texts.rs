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
