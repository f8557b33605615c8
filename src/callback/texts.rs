//! The callback workspace's own texts: zh-CN first, English second.

use manyi_core::{Lang, Text};

macro_rules! texts {
    ($($name:ident => $zh:literal, $en:literal;)+) => {
        /// A text of the callback workspace.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum T { $($name,)+ }

        impl T {
            /// Both languages.
            pub fn both(self) -> (&'static str, &'static str) {
                match self { $(T::$name => ($zh, $en),)+ }
            }
        }
    };
}

texts! {
    Title => "电话回访", "Callback workspace";
    TabQueue => "回访队列", "Queue";
    TabProblems => "问题闭环", "Problems";
    TabRates => "回访统计", "Rates";
    TabFiles => "导入导出", "Import / export";
    Sections => "回访工作区", "Callback sections";
    AgentId => "回访员工号", "Agent ID";
    ShowPhones => "显示完整电话号码（主管设置）", "Show full phone numbers (staff setting)";
    Loading => "正在读取回访记录…", "Reading the callback records…";
    LoadFailed => "无法读取回访记录", "The callback records cannot be read";
    NextCase => "下一个任务", "Next case";
    RefreshKiosk => "检查营业厅回访请求", "Check kiosk call-back requests";
    FilterType => "工单类型", "Ticket type";
    FilterStatus => "状态", "Status";
    All => "全部", "All";
    Ticket => "工单号", "Ticket";
    Customer => "客户", "Customer";
    Phone => "电话", "Phone";
    TicketDate => "受理日期", "Ticket date";
    Due => "回访期限", "Due";
    Priority => "优先级", "Priority";
    Status => "状态", "Status";
    Attempts => "已拨", "Calls";
    LastOutcome => "最近结果", "Last outcome";
    NextCall => "下次拨打", "Next call";
    Queue => "回访任务", "Cases";
    EmptyQueue => "没有回访任务。请在「导入导出」中导入回访名单。", "No cases. Import a call list under Import / export.";
    NoCaseNow => "现在没有可拨打的任务。", "No case can be called now.";
    Overdue => "已超期", "Overdue";
    History => "回访记录", "Calls";
    NoAttempts => "尚未拨打。", "No calls yet.";
    StartCall => "开始通话（Enter）", "Start the call (Enter)";
    AttemptsLeft => "剩余拨打次数", "Calls left";
    Hall => "营业厅", "Hall";
    CustomerClass => "客户类别", "Customer class";
    KioskOverall => "营业厅总体评分", "Kiosk overall score";
    Number => "序号", "No.";
    Agent => "回访员", "Agent";
    Started => "开始时间", "Started";
    Duration => "时长", "Duration";
    Outcome => "结果", "Outcome";
    Code => "代码", "Code";
    Appointment => "预约时间", "Appointment";
    CloseCase => "关闭", "Close";
    Script => "回访话术", "Script";
    Facts => "工单信息", "Ticket";
    CallTime => "通话计时", "Call time";
    Calling => "正在通话", "On the call";
    BeginInterview => "Enter 客户同意，开始访问", "Enter: the customer agrees, begin the interview";
    CancelCall => "Esc 取消通话（不记录）", "Esc: cancel the call (nothing recorded)";
    Keys => "按键", "Keys";
    KeyDigits => "1–5 评分", "1–5 rate";
    KeyYesNo => "Y 是 · N 否", "Y yes · N no";
    KeyNotApplicable => "0 不适用", "0 not applicable";
    KeyEnter => "Enter 确认", "Enter confirm";
    KeyBack => "Backspace 上一题", "Backspace back";
    KeyEnd => "Esc 结束通话", "Esc end the call";
    CommentKeys => "Enter 提交问卷 · Shift+Enter 换行", "Enter submits · Shift+Enter new line";
    Submitted => "访问已完成。按 Enter 记录「完成」并结束通话。", "Interview complete. Enter records it as complete and ends the call.";
    Outcomes => "通话结果", "Call outcome";
    OutcomesBack => "Esc 返回访问", "Esc back to the interview";
    AppointmentAt => "预约回访时间", "Appointment time";
    AppointmentKeys => "Enter 确认 · Esc 返回", "Enter confirm · Esc back";
    AppointmentFormat => "请填写预约的日期和时间。", "Enter the appointment's date and time.";
    AppointmentPast => "预约时间须晚于现在。", "The appointment must be later than now.";
    AppointmentOutsideHours => "不在回访时段内，最近可预约时间：", "Outside calling hours; the next opening is ";
    Chosen => "已选", "Chosen";
    Answered => "已答", "Answered";
    Question => "问题", "Question";
    Saving => "正在保存…", "Saving…";
    NeedAgent => "请先在上方填写回访员工号。", "Enter your agent ID above first.";
    CannotCall => "无法开始通话", "The call cannot start";
    CannotRecord => "无法记录该结果", "The outcome cannot be recorded";
    SaveFailed => "未能保存，请重试", "Could not save; try again";
    CallRecorded => "已记录：", "Recorded: ";
    Dismiss => "关闭", "Dismiss";
    OpenProblems => "未闭环问题", "Open problems";
    ClosedProblems => "已闭环问题", "Closed problems";
    Case => "回访任务", "Case";
    FoundAt => "发现时间", "Found at";
    FoundBy => "发现人", "Found by";
    What => "问题描述", "What";
    Unit => "责任单位", "Responsible unit";
    Severity => "严重程度", "Severity";
    Remedy => "整改措施", "Remedy";
    Deadline => "整改期限", "Deadline";
    Result => "整改结果", "Result";
    AssessedBy => "评价人", "Assessed by";
    Age => "已开放（天）", "Age (days)";
    EditProblem => "处理", "Edit";
    Save => "保存", "Save";
    CloseProblem => "录入结果并闭环", "Enter the result and close";
    Cancel => "取消", "Cancel";
    NoProblems => "没有问题记录。", "No problem records.";
    NeedResult => "请填写整改结果和评价人。", "Enter the result and who assessed it.";
    RatesList => "按名单", "Per list";
    RatesAgent => "按回访员", "Per agent";
    RatesDay => "按日期", "Per day";
    Group => "分组", "Group";
    ClosedCases => "结案数", "Closed cases";
    NoRates => "尚无结案任务。", "No closed cases yet.";
    RatesNote => "按 AAPOR 标准定义计算，只计已结案任务：RR1 = I/(I+P+R+NC+O+U)，COOP1 = I/(I+P+R+O)，REF1 = R/(I+P+R+NC+O+U)，CON1 = (I+P+R+O)/(I+P+R+O+NC+U)；不合格（NE）不计入。", "AAPOR Standard Definitions, closed cases only: RR1 = I/(I+P+R+NC+O+U), COOP1 = I/(I+P+R+O), REF1 = R/(I+P+R+NC+O+U), CON1 = (I+P+R+O)/(I+P+R+O+NC+U); not eligible (NE) cases are left out.";
    Import => "导入回访名单", "Import a call list";
    ImportFile => "选择 CSV 文件", "Choose a CSV file";
    ImportHint => "CSV 文件，UTF-8（可带 BOM）或 GBK/GB18030 编码。列：工单号、客户名称、联系电话、工单类型、受理日期，可选营业厅、客户类别、回访期限。", "A CSV file in UTF-8 (with or without BOM) or GBK/GB18030. Columns: ticket id, customer name, phone, ticket type, ticket date; optional hall, customer class, due date.";
    ImportFailed => "名单无法读取", "The list cannot be read";
    File => "文件", "File";
    Encoding => "编码", "Encoding";
    Added => "新增任务", "Cases added";
    AlreadyListed => "已在名单中（未重复导入）", "Already listed (not added again)";
    Rejected => "未导入的行", "Rows not imported";
    Line => "行号", "Line";
    Column => "列", "Column";
    Problem => "问题", "Problem";
    Reason => "说明", "Reason";
    Export => "导出", "Export";
    ExportJson => "导出 JSON", "Export JSON";
    ExportXlsx => "导出 Excel (XLSX)", "Export Excel (XLSX)";
    ExportCsv => "导出 CSV：", "Export CSV: ";
    ExportHint => "导出回访任务、拨打记录、回访率、问卷答案和问题记录。电话号码按设置隐藏。", "Exports cases, calls, rates, answers and problem records. Phone numbers are masked unless the setting allows them.";
    ExportFailed => "导出失败", "The export failed";
    Settings => "设置", "Settings";
    Rules => "回访规则", "Calling rules";
}

impl T {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.both();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The text in both languages.
    pub fn text(self) -> Text {
        let (zh, en) = self.both();
        Text::new(zh, en)
    }
}
