<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
    <context>
        <name>AgendaPane</name>
        <message>
            <location filename="../../ui/live/agenda_pane.py" line="+36" />
            <source>议程（双击或回车跳转）</source>
            <translation>Agenda (double-click or Enter to jump)</translation>
        </message>
        <message>
            <location line="+42" />
            <source>进度正常</source>
            <translation>On schedule</translation>
        </message>
        <message>
            <location line="+2" />
            <source>落后 %1</source>
            <translation>%1 behind</translation>
        </message>
        <message>
            <location line="+2" />
            <source>提前 %1</source>
            <translation>%1 ahead</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已完成 %1/%2 个单位，%5
计划 %3，已用 %4，尚需约 %6</source>
            <translation>%1/%2 units done, %5
Planned %3, used %4, about %6 to go</translation>
        </message>
    </context>
    <context>
        <name>AnomalyPanel</name>
        <message>
            <location filename="../../ui/scoring/anomaly_panel.py" line="+20" />
            <source>主持人提示（不上投屏）</source>
            <translation>Host notes (not projected)</translation>
        </message>
        <message>
            <location line="+8" />
            <source> 分</source>
            <translation> pts</translation>
        </message>
        <message>
            <location line="+6" />
            <source>分差阈值</source>
            <translation>Spread threshold</translation>
        </message>
        <message>
            <location line="+1" />
            <source>同一单位专家总分（按百分制）相差超过此值时提示</source>
            <translation>Warn when experts' totals for one unit (out of 100) differ by more than this</translation>
        </message>
        <message>
            <location line="+21" />
            <source>暂无需要注意的评分。</source>
            <translation>No scores need attention.</translation>
        </message>
    </context>
    <context>
        <name>AuditAction</name>
        <message>
            <location filename="../../fazhi_desktop/labels.py" line="+63" />
            <source>添加整改事项</source>
            <translation>Rectification item added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改整改事项</source>
            <translation>Rectification item changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改事项销号</source>
            <translation>Rectification item closed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除整改事项</source>
            <translation>Rectification item deleted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>随评议会包导入整改事项</source>
            <translation>Rectification item imported with a meeting package</translation>
        </message>
        <message>
            <location line="+1" />
            <source>关联单位曾用名</source>
            <translation>Unit's former name linked</translation>
        </message>
        <message>
            <location line="+1" />
            <source>解除单位曾用名关联</source>
            <translation>Unit's former name unlinked</translation>
        </message>
        <message>
            <location line="+1" />
            <source>随评议会包导入单位曾用名关联</source>
            <translation>Former-name link imported with a meeting package</translation>
        </message>
        <message>
            <location line="+21" />
            <source>创建评议会</source>
            <translation>Review meeting created</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除评议会</source>
            <translation>Review meeting deleted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>开始现场评议</source>
            <translation>Live review started</translation>
        </message>
        <message>
            <location line="+1" />
            <source>开始评估</source>
            <translation>Assessment started</translation>
        </message>
        <message>
            <location line="+1" />
            <source>结束评议会</source>
            <translation>Review meeting finished</translation>
        </message>
        <message>
            <location line="+1" />
            <source>结束时未完成评分</source>
            <translation>Finished with scores missing</translation>
        </message>
        <message>
            <location line="+1" />
            <source>结束时未完成评定</source>
            <translation>Finished with ratings missing</translation>
        </message>
        <message>
            <location line="+1" />
            <source>重新打开</source>
            <translation>Reopened</translation>
        </message>
        <message>
            <location line="+1" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>更改状态</source>
            <translation>Status changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>开始演练</source>
            <translation>Rehearsal started</translation>
        </message>
        <message>
            <location line="+1" />
            <source>丢弃演练副本</source>
            <translation>Rehearsal copy discarded</translation>
        </message>
        <message>
            <location line="+1" />
            <source>封盘</source>
            <translation>Sealed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>封盘后更正</source>
            <translation>Correction after sealing</translation>
        </message>
        <message>
            <location line="+2" />
            <source>会议信息</source>
            <translation>Meeting details</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改%1</source>
            <translation>Changed: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评分细则</source>
            <translation>Scoring template</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改评分细则</source>
            <translation>Scoring template changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>汇报顺序</source>
            <translation>Order of presentation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>调整顺序</source>
            <translation>Order changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>抽签（种子 %1）</source>
            <translation>Order drawn (seed %1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“%1”调至最后</source>
            <translation>“%1” moved to the end</translation>
        </message>
        <message>
            <location line="+2" />
            <source>复制自评议会“%1”</source>
            <translation>Copied from review meeting “%1”</translation>
        </message>
        <message>
            <location line="+1" />
            <source>添加参评单位与评议专家</source>
            <translation>Units and experts added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>添加参评单位</source>
            <translation>Unit added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改参评单位</source>
            <translation>Unit changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除参评单位</source>
            <translation>Unit deleted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入参评单位</source>
            <translation>Units imported</translation>
        </message>
        <message>
            <location line="+1" />
            <source>添加评议专家</source>
            <translation>Expert added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改评议专家</source>
            <translation>Expert changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除评议专家</source>
            <translation>Expert deleted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入评议专家</source>
            <translation>Experts imported</translation>
        </message>
        <message>
            <location line="+1" />
            <source>回避</source>
            <translation>Recusal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>取消回避</source>
            <translation>Recusal withdrawn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>标记缺席</source>
            <translation>Marked absent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>取消缺席</source>
            <translation>Absence withdrawn</translation>
        </message>
        <message>
            <location line="+2" />
            <source>录入评分</source>
            <translation>Score entered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入评分</source>
            <translation>Scores imported</translation>
        </message>
        <message>
            <location line="+1" />
            <source>核对评分</source>
            <translation>Score entered at the check</translation>
        </message>
        <message>
            <location line="+1" />
            <source>清除评分</source>
            <translation>Score cleared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改已提交评分</source>
            <translation>Submitted score changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入替换评分</source>
            <translation>Score replaced by an import</translation>
        </message>
        <message>
            <location line="+1" />
            <source>核对替换评分</source>
            <translation>Score replaced at the check</translation>
        </message>
        <message>
            <location line="+1" />
            <source>提交评分</source>
            <translation>Scores submitted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>撤回提交</source>
            <translation>Submission withdrawn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>录入外部得分</source>
            <translation>External score entered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入外部得分</source>
            <translation>External scores imported</translation>
        </message>
        <message>
            <location line="+1" />
            <source>录入修改外部得分</source>
            <translation>External score changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入修改外部得分</source>
            <translation>External score replaced by an import</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除外部得分</source>
            <translation>External score deleted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>开启双人录入核对</source>
            <translation>Double entry turned on</translation>
        </message>
        <message>
            <location line="+1" />
            <source>关闭双人录入核对</source>
            <translation>Double entry turned off</translation>
        </message>
        <message>
            <location line="+1" />
            <source>双人录入核对</source>
            <translation>Double entry check</translation>
        </message>
        <message>
            <location line="+1" />
            <source>核对差异</source>
            <translation>Double-entry difference resolved</translation>
        </message>
        <message>
            <location line="+1" />
            <source>停用评分链接</source>
            <translation>Scoring link revoked</translation>
        </message>
        <message>
            <location line="+2" />
            <source>记录提问</source>
            <translation>Question recorded</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改提问记录</source>
            <translation>Question changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除提问记录</source>
            <translation>Question deleted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>恢复提问记录</source>
            <translation>Question restored</translation>
        </message>
        <message>
            <location line="+1" />
            <source>提问的指标随评分细则更换而清除</source>
            <translation>Question's criterion cleared when the scoring template changed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>修改评定</source>
            <translation>Rating changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入替换评定</source>
            <translation>Rating replaced by an import</translation>
        </message>
        <message>
            <location line="+1" />
            <source>添加佐证文件</source>
            <translation>Evidence file added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除佐证文件</source>
            <translation>Evidence file deleted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改创建进程</source>
            <translation>Progress step changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除创建进程记录</source>
            <translation>Progress step deleted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>示范单位年度报告</source>
            <translation>Model unit's annual report</translation>
        </message>
        <message>
            <location line="+1" />
            <source>示范单位回访核查</source>
            <translation>Model unit's return visit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>示范单位摘牌</source>
            <translation>Model unit delisted</translation>
        </message>
        <message>
            <location line="+2" />
            <source>导入评议会包</source>
            <translation>Meeting package imported</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入更新评议会包</source>
            <translation>Meeting package imported as an update</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1（其整改事项一并删除）</source>
            <translation>%1 (its rectification items deleted with it)</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <location filename="../../ui/scoring/audit_dialog.py" line="+71" />
            <source>评分审计日志</source>
            <translation>Scoring audit log</translation>
        </message>
        <message>
            <location line="+4" />
            <source>全部专家</source>
            <translation>All experts</translation>
        </message>
        <message>
            <location line="+3" />
            <source>全部单位</source>
            <translation>All units</translation>
        </message>
        <message>
            <location line="+18" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+2" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+5" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+5" />
            <source>审计日志只能追加，不能修改或删除。</source>
            <translation>The audit log can only be appended to, never edited or deleted.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>共 {0} 条</source>
            <translation>{0} entries</translation>
        </message>
    </context>
    <context>
        <name>AuditLog</name>
        <message>
            <location line="-101" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>操作人</source>
            <translation>By</translation>
        </message>
        <message>
            <location line="+1" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>指标/项目</source>
            <translation>Criterion / item</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改前</source>
            <translation>Before</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改后</source>
            <translation>After</translation>
        </message>
        <message>
            <location line="+1" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <location filename="../../ui/backups.py" line="+101" />
            <source>备份与恢复</source>
            <translation>Backup and restore</translation>
        </message>
        <message>
            <location line="+2" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+0" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评议会</source>
            <translation>Review meeting</translation>
        </message>
        <message>
            <location line="+0" />
            <source>大小</source>
            <translation>Size</translation>
        </message>
        <message>
            <location line="+7" />
            <source>备份位置：%1</source>
            <translation>Backups are kept in: %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <location line="+2" />
            <source>恢复所选备份…</source>
            <translation>Restore selected backup…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+16" />
            <source>（已删除的评议会）</source>
            <translation>(deleted review meeting)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>已备份。</source>
            <translation>Backed up.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>用 %1 的备份替换当前数据库？
当前数据会先另存为一个备份，可以再恢复回来。</source>
            <translation>Replace the current database with the backup of %1?
The current data is first saved as a backup, so you can restore it again.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>恢复备份</source>
            <translation>Restore backup</translation>
        </message>
    </context>
    <context>
        <name>Checklist</name>
        <message>
            <location filename="../../fazhi_desktop/checklist/__init__.py" line="+17" />
            <source>达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <location line="+0" />
            <source>部分达标</source>
            <translation>Partly met</translation>
        </message>
        <message>
            <location line="+1" />
            <source>未达标</source>
            <translation>Not met</translation>
        </message>
        <message>
            <location line="+1" />
            <source>不适用</source>
            <translation>N/A</translation>
        </message>
    </context>
    <context>
        <name>ChecklistResults</name>
        <message>
            <location filename="../../ui/checklist/results_page.py" line="+33" />
            <source>缺席</source>
            <translation>Absent</translation>
        </message>
        <message>
            <location line="+2" />
            <source>未完成（%1 项未评定）</source>
            <translation>Incomplete (%1 not rated)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>无适用指标</source>
            <translation>No applicable indicators</translation>
        </message>
        <message>
            <location line="+2" />
            <source>达到门槛</source>
            <translation>Reaches threshold</translation>
        </message>
        <message>
            <location line="+2" />
            <source>未达门槛（精确值 %1% 低于 %2%）</source>
            <translation>Below threshold (exact %1% is under %2%)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>未达门槛</source>
            <translation>Below threshold</translation>
        </message>
        <message>
            <location line="+40" />
            <source>—— 达标门槛 %1% ——</source>
            <translation>—— Threshold %1% ——</translation>
        </message>
        <message>
            <location line="+21" />
            <source>精确值 %1%</source>
            <translation>Exact value %1%</translation>
        </message>
        <message>
            <location line="+69" />
            <source>导出评估材料…</source>
            <translation>Export assessment documents…</translation>
        </message>
        <message>
            <location line="+28" />
            <source>达标率＝（达标＋部分达标×%1）÷（指标数－不适用）×100%，四舍五入保留两位小数；是否达到 %2% 按未经舍入的达标率判断。</source>
            <translation>Rate met = (met + partly met × %1) ÷ (indicators − N/A) × 100%, rounded to two decimals; whether it reaches %2% is judged on the unrounded rate.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1：各一级指标（浅红为低于门槛的方面）</source>
            <translation>%1: first-level indicators (light red: below the threshold)</translation>
        </message>
    </context>
    <context>
        <name>ChecklistSteps</name>
        <message>
            <location filename="../../fazhi_desktop/checklist/steps.py" line="+42" />
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+6" />
            <source>自查自评</source>
            <translation>Self-assessment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>自评达标</source>
            <translation>Self-assessed as met</translation>
        </message>
        <message>
            <location line="+0" />
            <source>自评未达标</source>
            <translation>Self-assessed as not met</translation>
        </message>
        <message>
            <location line="+1" />
            <source>自评达标率（%）</source>
            <translation>Self rate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>申报</source>
            <translation>Application</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已申报</source>
            <translation>Applied</translation>
        </message>
        <message>
            <location line="+0" />
            <source>撤回申报</source>
            <translation>Application withdrawn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>初审推荐</source>
            <translation>Preliminary review</translation>
        </message>
        <message>
            <location line="+1" />
            <source>推荐</source>
            <translation>Recommended</translation>
        </message>
        <message>
            <location line="+0" />
            <source>不予推荐</source>
            <translation>Not recommended</translation>
        </message>
        <message>
            <location line="+1" />
            <source>推荐意见</source>
            <translation>Recommendation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>第三方评估</source>
            <translation>Third-party assessment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <location line="+0" />
            <source>未达标</source>
            <translation>Not met</translation>
        </message>
        <message>
            <location line="+1" />
            <source>第三方评估达标率（%）</source>
            <translation>Rate met</translation>
        </message>
        <message>
            <location line="+1" />
            <source>人民群众满意度测评</source>
            <translation>Public satisfaction survey</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>通过</source>
            <translation>Passed</translation>
        </message>
        <message>
            <location line="-3" />
            <location line="+4" />
            <source>未通过</source>
            <translation>Failed</translation>
        </message>
        <message>
            <location line="-3" />
            <source>满意度（%）</source>
            <translation>Satisfaction</translation>
        </message>
        <message>
            <location line="+1" />
            <source>实地核查</source>
            <translation>On-site inspection</translation>
        </message>
        <message>
            <location line="+1" />
            <source>限期整改</source>
            <translation>Rectify by deadline</translation>
        </message>
        <message>
            <location line="+2" />
            <source>核查发现</source>
            <translation>Inspection findings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>公示</source>
            <translation>Public notice</translation>
        </message>
        <message>
            <location line="+1" />
            <source>无异议</source>
            <translation>No objection</translation>
        </message>
        <message>
            <location line="+0" />
            <source>异议不成立</source>
            <translation>Objection rejected</translation>
        </message>
        <message>
            <location line="+1" />
            <source>异议成立</source>
            <translation>Objection upheld</translation>
        </message>
        <message>
            <location line="+1" />
            <source>异议及处理</source>
            <translation>Objections and handling</translation>
        </message>
        <message>
            <location line="+1" />
            <source>命名</source>
            <translation>Naming</translation>
        </message>
        <message>
            <location line="+1" />
            <source>予以命名</source>
            <translation>Named</translation>
        </message>
        <message>
            <location line="+0" />
            <source>不予命名</source>
            <translation>Not named</translation>
        </message>
        <message>
            <location line="+1" />
            <source>命名文件</source>
            <translation>Naming document</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <location filename="../../ui/history/ledger_dialogs.py" line="+107" />
            <source>整改销号</source>
            <translation>Close rectification item</translation>
        </message>
        <message>
            <location line="+3" />
            <source>写明整改结果和佐证（必填），例如：已印发制度文件，见……</source>
            <translation>Describe the result and the evidence (required), e.g. regulation issued, see …</translation>
        </message>
        <message>
            <location line="+4" />
            <source>添加佐证文件…</source>
            <translation>Add evidence file…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>存在问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location line="+1" />
            <source>佐证材料</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location line="+1" />
            <source>佐证文件</source>
            <translation>Evidence files</translation>
        </message>
        <message>
            <location line="+1" />
            <source>销号日期</source>
            <translation>Closed on</translation>
        </message>
        <message>
            <location line="+1" />
            <source>复核意见</source>
            <translation>Review opinion</translation>
        </message>
        <message>
            <location line="+9" />
            <source>选择佐证文件</source>
            <translation>Choose evidence file</translation>
        </message>
    </context>
    <context>
        <name>ConsolePage</name>
        <message>
            <location filename="../../ui/live/console.py" line="+88" />
            <source>开始现场评议</source>
            <translation>Start the live review</translation>
        </message>
        <message>
            <location line="+2" />
            <source>演练…</source>
            <translation>Rehearse…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>在本场的副本上练习主持，结束后丢弃，不影响正式记录</source>
            <translation>Practise hosting on a copy of this meeting; the copy is discarded afterwards and the records are untouched</translation>
        </message>
        <message>
            <location line="+28" />
            <source>调到最后</source>
            <translation>Move to end</translation>
        </message>
        <message>
            <location line="+22" />
            <source>提问记录</source>
            <translation>Questions</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+186" />
            <source>往次整改</source>
            <translation>Past rectification</translation>
        </message>
        <message>
            <location line="-178" />
            <source>评分</source>
            <translation>Scoring</translation>
        </message>
        <message>
            <location line="+4" />
            <source>专家设备</source>
            <translation>Expert devices</translation>
        </message>
        <message>
            <location line="+145" />
            <source>评议会尚在筹备中。开始后，会议状态变为“进行中”，第一个单位进入汇报环节。</source>
            <translation>The review meeting is still in preparation. Once started it goes live and the first unit begins its report.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议会已结束，现场记录只读。</source>
            <translation>The review meeting has finished; the live records are read-only.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议会已封盘，现场记录只读。</source>
            <translation>The review meeting is sealed; the live records are read-only.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>全部单位已评议完毕。核对评分后，请结束评议会（上方“结束评议会…”）。</source>
            <translation>All units have been reviewed. Check the scores, then finish the review meeting ("Finish review meeting…" above).</translation>
        </message>
        <message>
            <location line="+25" />
            <source>往次整改（%1）</source>
            <translation>Past rectification (%1)</translation>
        </message>
        <message>
            <location line="+103" />
            <source>“%1”还有 %2 位专家的评分未完成：%3。
仍然结束评分、进入下一个单位吗？（缺少的评分可以之后补录）</source>
            <translation>"%1": %2 experts have not finished scoring: %3.
End scoring anyway and move to the next unit? (Missing scores can be entered later.)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>结束评分</source>
            <translation>End scoring</translation>
        </message>
        <message>
            <location line="+27" />
            <source>在投屏上公布评议结果（名次、综合得分、等次）？全场都将看到。</source>
            <translation>Show the results (rank, final score, grade) on the projector? Everyone in the room will see them.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>尚无综合得分的单位：%1</source>
            <translation>Units without a final score yet: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>公布结果</source>
            <translation>Show results</translation>
        </message>
        <message>
            <location line="+17" />
            <source>计时仍在进行。关闭后现场状态已保存，重新打开本场评议会时计时会接着进行。确定关闭吗？</source>
            <translation>The timer is still running. The live state is saved and the timer resumes when you reopen this review meeting. Close anyway?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>关闭窗口</source>
            <translation>Close window</translation>
        </message>
    </context>
    <context>
        <name>DemonstrationPanel</name>
        <message>
            <location filename="../../ui/checklist/dossier_panel.py" line="+122" />
            <source>记录年度报告…</source>
            <translation>Record annual report…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>记录回访核查…</source>
            <translation>Record follow-up inspection…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>摘牌…</source>
            <translation>Delist…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>“%1”没有示范命名记录。示范单位的年度报告、回访核查和摘牌在命名后记录于此。</source>
            <translation>"%1" has no model naming on record. Annual reports, follow-up inspections and delisting of a model unit are recorded here after naming.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 于 %2 经“%3”命名为法治政府建设示范单位</source>
            <translation>%1 was named a model unit of law-based government on %2 by "%3"</translation>
        </message>
        <message>
            <location line="+1" />
            <source>（日期未记录）</source>
            <translation>(date not recorded)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>已于 %1 摘牌。</source>
            <translation>Delisted on %1.</translation>
        </message>
    </context>
    <context>
        <name>DemonstrationState</name>
        <message>
            <location filename="../../fazhi_desktop/checklist/dossier.py" line="+87" />
            <source>未命名</source>
            <translation>Not named</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已摘牌</source>
            <translation>De-listed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>示范单位</source>
            <translation>Model unit</translation>
        </message>
    </context>
    <context>
        <name>DevicesPanel</name>
        <message>
            <location filename="../../ui/live/devices.py" line="+54" />
            <source>本机 127.0.0.1（仅供本机试用，手机无法连接）</source>
            <translation>This computer 127.0.0.1 (trial only; phones cannot connect)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>未连接</source>
            <translation>Not connected</translation>
        </message>
        <message>
            <location line="+9" />
            <source>在线（%1 秒前）</source>
            <translation>Online (%1 s ago)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 分钟前</source>
            <translation>%1 min ago</translation>
        </message>
        <message>
            <location line="+8" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+0" />
            <source>设备</source>
            <translation>Device</translation>
        </message>
        <message>
            <location line="+1" />
            <source>本单位</source>
            <translation>This unit</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+50" />
            <location line="+36" />
            <source>已提交</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <location line="-38" />
            <location line="+10" />
            <location line="+28" />
            <source>回避</source>
            <translation>Recused</translation>
        </message>
        <message>
            <location line="-35" />
            <location line="+36" />
            <source>已评 %1/%2</source>
            <translation>Scored %1/%2</translation>
        </message>
        <message>
            <location line="-12" />
            <source>无有效链接</source>
            <translation>No valid link</translation>
        </message>
        <message>
            <location line="+60" />
            <source>专家手机所连的网络：笔记本开的热点，或会场的路由器</source>
            <translation>The network the experts' phones join: the laptop's hotspot or the venue's router</translation>
        </message>
        <message>
            <location line="+4" />
            <source>端口：打印入场卡后请勿更改（二维码里含有地址和端口）</source>
            <translation>Port: do not change it after printing the access cards (the QR codes hold address and port)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+103" />
            <source>开启扫码评分</source>
            <translation>Start phone scoring</translation>
        </message>
        <message>
            <location line="-98" />
            <source>网络</source>
            <translation>Network</translation>
        </message>
        <message>
            <location line="+2" />
            <source>端口</source>
            <translation>Port</translation>
        </message>
        <message>
            <location line="+25" />
            <source>作废并发新码…</source>
            <translation>Revoke and reissue…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>手机遗失或链接外传时：旧链接立即失效，换发新的二维码</source>
            <translation>If a phone is lost or the link was passed on: the old link stops working at once and a new QR code is issued</translation>
        </message>
        <message>
            <location line="+2" />
            <source>接管评分…</source>
            <translation>Take over scoring…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家无法继续用手机评分时：作废其链接，由会务人员在评分表中代为录入（须说明原因）</source>
            <translation>If an expert cannot go on scoring by phone: revoke the link and let the staff enter the scores in the grid (a reason is required)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>打印入场卡…</source>
            <translation>Print access cards…</translation>
        </message>
        <message>
            <location line="+65" />
            <source>停止扫码评分</source>
            <translation>Stop phone scoring</translation>
        </message>
        <message>
            <location line="+4" />
            <source>评议会已结束：专家的评分链接已失效。</source>
            <translation>The review meeting has ended: the experts' scoring links no longer work.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>扫码评分已开启：%1。请专家连接同一网络后扫描自己的二维码。</source>
            <translation>Phone scoring is on: %1. Experts join the same network, then scan their own QR code.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>注意：现在只有本机能打开，手机无法连接；正式使用请停止后选择热点或会场网络。</source>
            <translation>Note: only this computer can open it now, phones cannot connect. For the meeting, stop and choose the hotspot or the venue's network.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>选择专家手机所连的网络，然后开启扫码评分。二维码含地址和端口：先开启再打印入场卡。</source>
            <translation>Choose the network the experts' phones join, then start phone scoring. The QR codes hold address and port: start first, then print the access cards.</translation>
        </message>
        <message>
            <location line="+39" />
            <source>开启扫码评分后，这里显示所选专家的二维码</source>
            <translation>Once phone scoring is on, the selected expert's QR code is shown here</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 的评分链接（仅限本人）：%2</source>
            <translation>Scoring link of %1 (personal): %2</translation>
        </message>
        <message>
            <location line="+23" />
            <source>无法在 %1:%2 开启扫码评分（%3）。端口可能已被占用：请换一个端口。</source>
            <translation>Phone scoring cannot start on %1:%2 (%3). The port may be in use: choose another port.</translation>
        </message>
        <message>
            <location line="+46" />
            <source>作废评分链接</source>
            <translation>Revoke scoring link</translation>
        </message>
        <message>
            <location line="+0" />
            <source>作废原因（如：手机遗失）。旧链接立即失效，并换发新的二维码：</source>
            <translation>Reason for revoking (e.g. phone lost). The old link stops working at once and a new QR code is issued:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>接管评分</source>
            <translation>Take over scoring</translation>
        </message>
        <message>
            <location line="+0" />
            <source>接管原因（如：手机没电，由会务人员按纸质评分表代录）。该专家的链接将作废，评分表中该列改由本机录入：</source>
            <translation>Reason for taking over (e.g. phone battery flat; staff enter the paper sheet). The expert's link is revoked and the grid column is entered on this computer:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>保存入场卡</source>
            <translation>Save access cards</translation>
        </message>
        <message>
            <location line="+0" />
            <source>专家评分入场卡.pdf</source>
            <translation>Expert access cards.pdf</translation>
        </message>
        <message>
            <location line="+20" />
            <source>入场卡已保存：%1</source>
            <translation>Access cards saved: %1</translation>
        </message>
    </context>
    <context>
        <name>Documents</name>
        <message>
            <location filename="../../fazhi_desktop/export/deadlines.py" line="+39" />
            <location filename="../../fazhi_desktop/export/minutes.py" line="+92" />
            <source>评议组织单位</source>
            <translation>the organisers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>规定期限</source>
            <translation>the set deadline</translation>
        </message>
        <message>
            <location line="+2" />
            <source>各参评单位应于%1前将整改情况书面报送%2</source>
            <translation>Each unit under review shall report its rectification in writing to %2 by %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>；评议等次为“%1”的单位应于%2前报送</source>
            <translation>; units rated “%1” shall report by %2</translation>
        </message>
        <message>
            <location filename="../../fazhi_desktop/export/layout.py" line="+210" />
            <source>第{page}页　共{pages}页</source>
            <translation>Page {page} of {pages}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>草稿（未定稿）</source>
            <translation>DRAFT (not final)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>数据指纹 %1</source>
            <translation>Data fingerprint %1</translation>
        </message>
        <message>
            <location filename="../../fazhi_desktop/export/minutes.py" line="-67" />
            <source>缺席</source>
            <translation>Absent</translation>
        </message>
        <message>
            <location line="+0" />
            <source>未完成</source>
            <translation>Incomplete</translation>
        </message>
        <message>
            <location line="+14" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location line="+0" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location line="+1" />
            <source>，</source>
            <translation>, </translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1纪要</source>
            <translation>Minutes of %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1会议纪要</source>
            <translation>Minutes of %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1：</source>
            <translation>%1: </translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+357" />
            <source>时间</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="-356" />
            <source>地点</source>
            <translation>Venue</translation>
        </message>
        <message>
            <location line="+2" />
            <source>主持</source>
            <translation>Chaired by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>出席</source>
            <translation>Present</translation>
        </message>
        <message>
            <location line="+5" />
            <source>评议组组长%1；评议专家%2</source>
            <translation>panel chair %1; panel experts %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>评议专家%1</source>
            <translation>panel experts %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>其他</source>
            <translation>other</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议组专家%1人</source>
            <translation>%1 panel experts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1%2人</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>列席</source>
            <translation>Also attending</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1等%2个参评单位的汇报人</source>
            <translation>the presenters of the %2 units under review (%1)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>记录</source>
            <translation>Minutes taken by</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1，%2在%3召开%4。</source>
            <translation>On %1, %2 held the %4 at %3. </translation>
        </message>
        <message>
            <location line="+2" />
            <source>会场</source>
            <translation>the meeting venue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1个参评单位依次汇报，评议组%2位专家现场提问</source>
            <translation>The %1 units under review reported in turn; the panel's %2 experts questioned them on site</translation>
        </message>
        <message>
            <location line="+3" />
            <source>。本稿为草稿，评议尚未结束，%1个单位已完成评分。</source>
            <translation>. This is a draft: the review has not ended, and %1 units have been fully scored.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>并评分。现将会议主要情况纪要如下。</source>
            <translation> and scored them. The main points of the meeting are recorded below.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>本次评议采用“%1”评分细则，满分%2分，设一级指标%3项、评分指标%4项，由评议专家现场逐项打分。</source>
            <translation>The review used the scoring rules “%1”: %2 points in all, %3 top-level criteria and %4 scored items, each scored on site by the panel experts.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>每位专家对一个单位各项得分之和为该专家的评分；有效评分不少于5份的，去掉一个最高分和一个最低分后取算术平均值，作为评议团评分；不足5份的，直接取算术平均值。</source>
            <translation>An expert's score for a unit is the sum of that expert's item scores. With at least 5 valid scores, the highest and the lowest are dropped and the arithmetic mean of the rest is the panel score; with fewer than 5, the panel score is the arithmetic mean of all.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>每位专家对一个单位各项得分之和为该专家的评分，各专家评分的算术平均值为评议团评分。</source>
            <translation>An expert's score for a unit is the sum of that expert's item scores; the panel score is the arithmetic mean of the experts' scores.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>各单位的分项得分，是计入评议团评分的专家（不含去掉的最高分、最低分）在该项得分的平均值，各分项相加即为评议团评分；分项得分四舍五入保留两位小数，尾差调整到舍入误差最大的分项。</source>
            <translation>A unit's item score is the mean of that item's scores by the experts counted in the panel score (without the dropped highest and lowest); the item scores add up to the panel score. Item scores are rounded half up to two decimals, and the rounding remainder is moved onto the items that rounding changed the most.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>综合得分按下式计算：%1。评议团评分按满分100分折算</source>
            <translation>The composite score is computed as %1. The panel score is converted to a scale of 100</translation>
        </message>
        <message>
            <location line="+1" />
            <source>；%1按百分制（0至100分）计入。</source>
            <translation>; %1 count on a scale of 0 to 100.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+106" />
            <source>。</source>
            <translation>. </translation>
        </message>
        <message>
            <location line="-103" />
            <source>综合得分即评议团评分。</source>
            <translation>The composite score is the panel score.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>综合得分为评议团评分按满分100分折算（评议团评分÷%1×100）。</source>
            <translation>The composite score is the panel score converted to a scale of 100 (panel score ÷ %1 × 100).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>综合得分四舍五入保留两位小数，按综合得分从高到低排名，得分相同的名次并列。</source>
            <translation>Composite scores are rounded half up to two decimals; units are ranked from the highest composite score down, equal scores sharing a rank.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>等次划分：%1。</source>
            <translation>Grades: %1.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>回避情况：%1回避评分，其评分不计入该单位得分。</source>
            <translation>Recusals: %1 did not score (recused); such scores do not count for that unit.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1对%2</source>
            <translation>%1 for %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>回避情况：本次评议无专家回避。</source>
            <translation>Recusals: no expert recused themselves in this review.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>汇报顺序由抽签确定（抽签种子%1，监督人%2）。</source>
            <translation>The order of presentation was drawn by lot (draw seed %1, witnessed by %2).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>汇报顺序由抽签确定（抽签种子%1）。</source>
            <translation>The order of presentation was drawn by lot (draw seed %1).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>每个单位汇报时间%1、问答时间%2。</source>
            <translation>Each unit had %1 to report and %2 for questions.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1尚未录入。</source>
            <translation>%1: not entered yet.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1%2。</source>
            <translation>%1%2.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1来源不一，逐单位列于各单位评议情况。</source>
            <translation>%1: the sources differ and are given for each unit under its review.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1得分</source>
            <translation>%1 score</translation>
        </message>
        <message>
            <location line="+6" />
            <source>来源：%1</source>
            <translation>source: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>由文件“%1”导入</source>
            <translation>imported from the file “%1”</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1于%2录入</source>
            <translation>entered by %1 on %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1录入</source>
            <translation>entered by %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>于%1录入</source>
            <translation>entered on %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>录入人未记录</source>
            <translation>entered by an unrecorded person</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+55" />
            <source>指标</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <location line="-55" />
            <location line="+55" />
            <source>分值</source>
            <translation>Points</translation>
        </message>
        <message>
            <location line="-54" />
            <source>评分要点</source>
            <translation>What is scored</translation>
        </message>
        <message>
            <location line="+5" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+7" />
            <source>排名</source>
            <translation>Rank</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+134" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="-133" />
            <source>%1
（%2）</source>
            <translation>%1
(%2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>综合得分</source>
            <translation>Composite score</translation>
        </message>
        <message>
            <location line="+0" />
            <source>等次</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+16" />
            <source>汇报人：%1</source>
            <translation>Presenter: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>汇报用时%1</source>
            <translation>report time %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>问答用时%1</source>
            <translation>question time %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>综合得分%1分，在%2个单位中排名第%3名，等次为“%4”。</source>
            <translation>Composite score %1, ranked %3 of %2 units, grade “%4”.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>未参加评议（缺席）。</source>
            <translation>Did not take part in the review (absent).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>评分尚未完成，暂无综合得分。</source>
            <translation>Scoring is not complete; no composite score yet.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1%2分%3。</source>
            <translation>%1 %2%3.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>平均得分</source>
            <translation>Mean score</translation>
        </message>
        <message>
            <location line="+0" />
            <source>得分率</source>
            <translation>Share of points</translation>
        </message>
        <message>
            <location line="+7" />
            <source>合计（评议团评分）</source>
            <translation>Total (panel score)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>回避</source>
            <translation>recused</translation>
        </message>
        <message>
            <location line="+2" />
            <source>未评完</source>
            <translation>not finished</translation>
        </message>
        <message>
            <location line="+2" />
            <source>去掉最高分</source>
            <translation>highest, dropped</translation>
        </message>
        <message>
            <location line="+1" />
            <source>去掉最低分</source>
            <translation>lowest, dropped</translation>
        </message>
        <message>
            <location line="+10" />
            <source>各专家评分（从高到低）：%1</source>
            <translation>The experts' scores (highest first): %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>无</source>
            <translation>none</translation>
        </message>
        <message>
            <location line="+2" />
            <source>；去掉最高分%1、最低分%2</source>
            <translation>; dropped the highest %1 and the lowest %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1位专家回避</source>
            <translation>%1 experts recused</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1位专家未评完</source>
            <translation>%1 experts did not finish</translation>
        </message>
        <message>
            <location line="+3" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评分</source>
            <translation>Score</translation>
        </message>
        <message>
            <location line="+1" />
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+17" />
            <source>专家%1</source>
            <translation>Expert %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>评议专家</source>
            <translation>A panel expert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家提问与答复：</source>
            <translation>Questions and answers:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1．%2问：%3</source>
            <translation>%1. %2 asked: %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>答：%1</source>
            <translation>Answer: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>（未记录）</source>
            <translation>(not recorded)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>（%1）%2</source>
            <translation>(%1) %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>评议中发现的问题和整改要求如下，各单位要逐项整改到位：</source>
            <translation>The problems found in the review and the rectification required are listed below; each unit shall rectify every item:</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+85" />
            <source>序号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location line="-84" />
            <source>存在问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location line="+0" />
            <source>整改措施</source>
            <translation>Measure</translation>
        </message>
        <message>
            <location line="+1" />
            <source>完成期限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location line="+5" />
            <source>评议中未列出需限期整改的问题，各单位要对照专家意见改进工作。</source>
            <translation>The review listed no problem with a deadline for rectification; each unit shall improve its work in the light of the experts' comments.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>筹备中</source>
            <translation>in preparation</translation>
        </message>
        <message>
            <location line="+0" />
            <source>进行中</source>
            <translation>in progress</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已结束</source>
            <translation>finished</translation>
        </message>
        <message>
            <location line="+0" />
            <source>已封盘</source>
            <translation>sealed</translation>
        </message>
        <message>
            <location line="+29" />
            <source>%1位专家</source>
            <translation>%1 experts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>提交评分</source>
            <translation>Scores submitted</translation>
        </message>
        <message>
            <location line="+28" />
            <source>审计链记录</source>
            <translation>Audit chain</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1条（每条的哈希值包含上一条的哈希值）</source>
            <translation>%1 entries (each entry's hash includes the previous entry's hash)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>校验结果</source>
            <translation>Check</translation>
        </message>
        <message>
            <location line="+1" />
            <source>通过</source>
            <translation>passed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>未通过：%1</source>
            <translation>failed: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>链尾哈希值</source>
            <translation>Last hash</translation>
        </message>
        <message>
            <location line="+2" />
            <source>封盘签名</source>
            <translation>Seal signatures</translation>
        </message>
        <message>
            <location line="+1" />
            <source>附件</source>
            <translation>Annex</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议会审计记录</source>
            <translation>Audit record of the review meeting</translation>
        </message>
        <message>
            <location line="+6" />
            <source>事项</source>
            <translation>Action</translation>
        </message>
        <message>
            <location line="+0" />
            <source>对象</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location line="+1" />
            <source>变化</source>
            <translation>Change</translation>
        </message>
        <message>
            <location line="+0" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+3" />
            <source>除逐项录入的评分外，没有更正、提交或状态变化的记录。</source>
            <translation>Apart from the item scores as entered, there are no corrections, submissions or status changes on record.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>一、评议方式</source>
            <translation>1. How the review was conducted</translation>
        </message>
        <message>
            <location line="+2" />
            <source>二、评议结果</source>
            <translation>2. Results</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1%2个</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>评议结果按综合得分排序如下，其中%1。</source>
            <translation>The results, by composite score, are below (%1).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议结果按综合得分排序如下。</source>
            <translation>The results, by composite score, are below.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>三、各单位评议情况</source>
            <translation>3. The units under review</translation>
        </message>
        <message>
            <location line="+3" />
            <source>四、评议组意见</source>
            <translation>4. The panel's opinion</translation>
        </message>
        <message>
            <location line="+2" />
            <source>（评议组意见待补充。）</source>
            <translation>(The panel's opinion is to follow.)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>五、整改要求</source>
            <translation>5. Rectification required</translation>
        </message>
        <message>
            <location line="+3" />
            <source>评议组组长（签字）：＿＿＿＿＿＿</source>
            <translation>Panel chair (signature): ____________</translation>
        </message>
        <message>
            <location line="+1" />
            <source>记录人（签字）：＿＿＿＿＿＿＿＿</source>
            <translation>Minutes taken by (signature): ________</translation>
        </message>
        <message>
            <location line="+3" />
            <source>抄送：各参评单位，评议组成员。</source>
            <translation>Copies to: the units under review, the panel members.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1印发</source>
            <translation>Issued %1</translation>
        </message>
        <message>
            <location filename="../../fazhi_desktop/export/wording.py" line="+57" />
            <source>（日期未定）</source>
            <translation>(date to be set)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1年%2月%3日</source>
            <translation>%3 %2 %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1秒</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1分钟</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1分%2秒</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <location line="+29" />
            <source>%1（%2分以上）</source>
            <translation>%1 (%2 points and above)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1（%2分以上、不足%3分）</source>
            <translation>%1 (%2 points and above, below %3)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1（不足%2分）</source>
            <translation>%1 (below %2 points)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>＋</source>
            <translation> + </translation>
        </message>
        <message>
            <location line="+1" />
            <source>综合得分＝%1</source>
            <translation>Composite score = %1</translation>
        </message>
    </context>
    <context>
        <name>Dossier</name>
        <message>
            <location filename="../../fazhi_desktop/checklist/dossier.py" line="-61" />
            <source>年度报告</source>
            <translation>Annual report</translation>
        </message>
        <message>
            <location line="+0" />
            <source>回访核查</source>
            <translation>Follow-up inspection</translation>
        </message>
        <message>
            <location line="+1" />
            <source>摘牌</source>
            <translation>Delisting</translation>
        </message>
        <message>
            <location line="+2" />
            <source>发生严重违法行政行为或者因行政不作为、乱作为造成恶劣社会影响</source>
            <translation>Serious unlawful administrative acts, or a grave public impact caused by inaction or misconduct</translation>
        </message>
        <message>
            <location line="+1" />
            <source>通过提供虚假材料、隐瞒事实真相或者其他不正当手段获取示范命名</source>
            <translation>Naming obtained with false materials, concealed facts or other improper means</translation>
        </message>
        <message>
            <location line="+1" />
            <source>在回访核查中证实已经达不到示范市县要求</source>
            <translation>Follow-up inspection confirmed it no longer meets the model requirements</translation>
        </message>
        <message>
            <location line="+1" />
            <source>其他应当撤销示范命名的情形</source>
            <translation>Other grounds for revoking the model naming</translation>
        </message>
        <message>
            <location line="+2" />
            <source>已报告并向社会公布</source>
            <translation>Reported and published</translation>
        </message>
        <message>
            <location line="+0" />
            <source>已报告未公布</source>
            <translation>Reported, not published</translation>
        </message>
        <message>
            <location line="+1" />
            <source>逾期未报告</source>
            <translation>Not reported in time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>符合示范要求</source>
            <translation>Meets model requirements</translation>
        </message>
        <message>
            <location line="+0" />
            <source>不符合示范要求</source>
            <translation>Does not meet model requirements</translation>
        </message>
    </context>
    <context>
        <name>DossierTab</name>
        <message>
            <location filename="../../ui/history/dossier_tab.py" line="+48" />
            <source>关联曾用名…</source>
            <translation>Link former names…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>显示各指标</source>
            <translation>Show criteria</translation>
        </message>
        <message>
            <location line="+3" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+20" />
            <source>历次得分与排名</source>
            <translation>Scores and ranks over time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家提问</source>
            <translation>Expert questions</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改事项</source>
            <translation>Rectification items</translation>
        </message>
        <message>
            <location line="+2" />
            <source>示范创建</source>
            <translation>Model creation</translation>
        </message>
        <message>
            <location line="+36" />
            <source>共 %1 场评议</source>
            <translation>%1 review meetings</translation>
        </message>
        <message>
            <location line="+2" />
            <source>（显示最近 %1 场）</source>
            <translation>(latest %1 shown)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>；含曾用名/现名称：</source>
            <translation>; including former/current names: </translation>
        </message>
        <message>
            <location line="+1" />
            <source>；未完成整改 %1 项</source>
            <translation>; %1 rectification items open</translation>
        </message>
        <message>
            <location line="+2" />
            <source>专家提问（%1）</source>
            <translation>Expert questions (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>整改事项（最近 %1 项，共 %2 项）</source>
            <translation>Rectification items (latest %1 of %2)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>整改事项（%1）</source>
            <translation>Rectification items (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>示范创建（%1）</source>
            <translation>Model creation (%1)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>关联曾用名</source>
            <translation>Link former names</translation>
        </message>
        <message>
            <location line="+0" />
            <source>“%1”以前的名称（如机构改革前的名称）：</source>
            <translation>Former names of "%1" (e.g. before an institutional reform):</translation>
        </message>
    </context>
    <context>
        <name>DoubleEntryDialog</name>
        <message>
            <location filename="../../ui/scoring/double_entry_dialog.py" line="+51" />
            <source>未录入</source>
            <translation>Not entered</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+181" />
            <source>第一次</source>
            <translation>First</translation>
        </message>
        <message>
            <location line="-181" />
            <location line="+181" />
            <source>第二次</source>
            <translation>Second</translation>
        </message>
        <message>
            <location line="-180" />
            <source>纸质表为</source>
            <translation>Paper says</translation>
        </message>
        <message>
            <location line="+6" />
            <source>分数</source>
            <translation>Score</translation>
        </message>
        <message>
            <location line="+6" />
            <source>原因（必填），如：以纸质表为准</source>
            <translation>Reason (required), e.g. as on the paper sheet</translation>
        </message>
        <message>
            <location line="+23" />
            <source>双人录入核对</source>
            <translation>Double entry check</translation>
        </message>
        <message>
            <location line="+16" />
            <source>上一步</source>
            <translation>Back</translation>
        </message>
        <message>
            <location line="+2" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+26" />
            <source>由第二人对照纸质评分表，把这张表再录入一遍。第一次录入的分数不会显示；录完后逐项比较，不一致的逐项核对纸质表、选定采用的分数并填写原因。一致的分数标记为已核对。</source>
            <translation>A second person enters this sheet again from the paper score sheet. The first entry is not shown. Afterwards both are compared item by item: for each difference, check the paper, choose the score to keep and give a reason. Matching scores are marked as checked.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>第二位录入人的姓名（记入审计日志）</source>
            <translation>Name of the second person entering (written to the audit log)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>参评单位</source>
            <translation>Presenting unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议专家</source>
            <translation>Experts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>核对人</source>
            <translation>Checked by</translation>
        </message>
        <message>
            <location line="+17" />
            <source>待核对 %1 项</source>
            <translation>%1 to check</translation>
        </message>
        <message>
            <location line="+0" />
            <source>无待核对</source>
            <translation>nothing to check</translation>
        </message>
        <message>
            <location line="+22" />
            <source>第二次录入：{0}（按纸质评分表填写，Enter 下移）</source>
            <translation>Second entry: {0} (from the paper sheet; Enter moves down)</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+43" />
            <source>指标</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <location line="-42" />
            <source>满分</source>
            <translation>Max</translation>
        </message>
        <message>
            <location line="+1" />
            <source>得分（第二次）</source>
            <translation>Score (second)</translation>
        </message>
        <message>
            <location line="+31" />
            <source>{0}：{1} 项一致，{2} 项不同。请对照纸质评分表逐项选定采用的分数，并填写原因。</source>
            <translation>{0}: {1} match, {2} differ. Check each against the paper sheet, choose the score to keep and give a reason.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{0}：全部 {1} 项与第一次录入一致。按“完成”标记为已核对。</source>
            <translation>{0}: all {1} items match the first entry. Press "Finish" to mark them checked.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>采用</source>
            <translation>Keep</translation>
        </message>
        <message>
            <location line="+0" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+28" />
            <source>① 选择评分表</source>
            <translation>① Choose sheet</translation>
        </message>
        <message>
            <location line="+0" />
            <source>② 第二次录入</source>
            <translation>② Second entry</translation>
        </message>
        <message>
            <location line="+0" />
            <source>③ 核对差异</source>
            <translation>③ Settle differences</translation>
        </message>
        <message>
            <location line="+3" />
            <source>开始录入</source>
            <translation>Start entry</translation>
        </message>
        <message>
            <location line="+0" />
            <source>比较</source>
            <translation>Compare</translation>
        </message>
        <message>
            <location line="+0" />
            <source>完成</source>
            <translation>Finish</translation>
        </message>
        <message>
            <location line="+28" />
            <source>请先选择参评单位和评议专家。</source>
            <translation>Select a presenting unit and an expert first.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>还有 {0} 项没有填写：{1}</source>
            <translation>{0} items not filled in yet: {1}</translation>
        </message>
        <message>
            <location line="+26" />
            <source>已核对：{0}（{1} 项一致，{2} 项差异已处理）。可接着核对下一张评分表。</source>
            <translation>Checked: {0} ({1} matched, {2} differences settled). You can check the next sheet.</translation>
        </message>
    </context>
    <context>
        <name>DrawDialog</name>
        <message>
            <location filename="../../ui/setup/draw_dialog.py" line="+21" />
            <source>抽签决定出场顺序</source>
            <translation>Draw the presentation order</translation>
        </message>
        <message>
            <location line="+5" />
            <source>重新生成</source>
            <translation>Draw again</translation>
        </message>
        <message>
            <location line="+6" />
            <source>可选：现场监督人姓名</source>
            <translation>Optional: name of the witness present</translation>
        </message>
        <message>
            <location line="+4" />
            <source>随机种子</source>
            <translation>Random seed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>监督人</source>
            <translation>Witness</translation>
        </message>
        <message>
            <location line="+1" />
            <source>同一种子总是得到同一顺序：单位名称排序后按种子打乱。确定后种子、时间和监督人记入会议纪要。</source>
            <translation>The same seed always gives the same order: unit names are sorted, then shuffled by the seed. Once confirmed, the seed, time and witness go into the minutes.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>按此顺序确定</source>
            <translation>Use this order</translation>
        </message>
        <message>
            <location line="+4" />
            <source>抽签结果（预览）：</source>
            <translation>Draw result (preview):</translation>
        </message>
    </context>
    <context>
        <name>ExpertsPanel</name>
        <message>
            <location filename="../../ui/setup/roster_panel.py" line="+199" />
            <source>新专家姓名，回车添加</source>
            <translation>New expert's name, Enter to add</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <location filename="../../fazhi_desktop/export/__init__.py" line="+37" />
            <source>会议纪要（PDF）</source>
            <translation>Minutes (PDF)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>会议纪要（Word）</source>
            <translation>Minutes (Word)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议数据（Excel）</source>
            <translation>Review data (Excel)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家评分表（签字）</source>
            <translation>Expert score sheets (for signature)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>空白评分表</source>
            <translation>Blank score sheets</translation>
        </message>
        <message>
            <location line="+1" />
            <source>各单位评议意见书</source>
            <translation>Review letters to each unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>议程</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <location line="+1" />
            <source>签到表</source>
            <translation>Sign-in sheet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>桌签</source>
            <translation>Name cards</translation>
        </message>
        <message>
            <location filename="../../fazhi_desktop/export/checklist_run.py" line="+22" />
            <source>评估结果汇总表（PDF）</source>
            <translation>Assessment summary (PDF)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评估结果汇总表（Word）</source>
            <translation>Assessment summary (Word)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>各单位评估报告（PDF）</source>
            <translation>Assessment report per unit (PDF)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>各单位评估报告（Word）</source>
            <translation>Assessment report per unit (Word)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评定明细（Excel）</source>
            <translation>Ratings in detail (Excel)</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../ui/export/dialog.py" line="+44" />
            <source>导出会议材料</source>
            <translation>Export meeting documents</translation>
        </message>
        <message>
            <location line="+5" />
            <source>数据指纹：%1（每页页脚都印有此指纹，可与本机数据核对）</source>
            <translation>Data fingerprint: %1 (printed in every page footer; compare it with this computer's data)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>注意：</source>
            <translation>Note:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>评估尚未结束：导出的汇总表和评估报告每页标有“草稿（未定稿）”。</source>
            <translation>The assessment is not finished: every page of the summary and reports is marked "draft (not final)".</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议会尚未结束：导出的会议材料每页标有“草稿（未定稿）”；评议意见书在评议结束后才能导出。</source>
            <translation>The review meeting is not finished: every page is marked "draft (not final)"; review letters can be exported only after it finishes.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>评估材料</source>
            <translation>Assessment documents</translation>
        </message>
        <message>
            <location line="+0" />
            <source>会前打印</source>
            <translation>Before the meeting</translation>
        </message>
        <message>
            <location line="+1" />
            <source>会议材料（会后）</source>
            <translation>Meeting documents (after)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>会前打印（议程、签到表、空白评分表、桌签）</source>
            <translation>Print before the meeting (agenda, sign-in sheet, blank score sheets, name cards)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>纪要、评议数据和评议意见书中不写专家姓名（发给参评单位时）</source>
            <translation>Leave experts' names out of the minutes, data and letters (for presenting units)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>议程开始时间：</source>
            <translation>Agenda starts at:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>导出到文件夹：</source>
            <translation>Export to folder:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>选择要导出的材料和文件夹，然后点“导出”。</source>
            <translation>Choose the documents and the folder, then click "Export".</translation>
        </message>
        <message>
            <location line="+4" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location line="+2" />
            <source>打开文件夹</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <location line="+3" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>在系统的 PDF 阅读器中打开所选文件，从其打印对话框打印</source>
            <translation>Open the selected file in the system's PDF reader and print from its print dialog</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+68" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="-8" />
            <source>选择导出文件夹</source>
            <translation>Choose export folder</translation>
        </message>
        <message>
            <location line="+8" />
            <source>取消导出</source>
            <translation>Cancel export</translation>
        </message>
        <message>
            <location line="+16" />
            <source>请选择导出文件夹。</source>
            <translation>Please choose an export folder.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>内存数据库不能在后台导出。</source>
            <translation>An in-memory database cannot be exported in the background.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>文件夹中已有 %1 个同名文件（%2），导出将替换它们。继续吗？</source>
            <translation>The folder already has %1 files of the same name (%2); exporting replaces them. Continue?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>替换已有文件</source>
            <translation>Replace files</translation>
        </message>
        <message>
            <location line="+12" />
            <source>正在准备…</source>
            <translation>Preparing…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>正在导出（%1/%2）：%3</source>
            <translation>Exporting (%1/%2): %3</translation>
        </message>
        <message>
            <location line="+7" />
            <source>已导出 %1 个文件，用时 %2 秒。数据指纹 %3。</source>
            <translation>Exported %1 files in %2 s. Data fingerprint %3.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>导出失败：</source>
            <translation>Export failed:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>无法打开 %1：本机没有可打开 PDF 的程序。</source>
            <translation>Cannot open %1: no program on this computer opens PDF files.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>正在取消…（当前文件写完后停止）</source>
            <translation>Cancelling… (stops after the current file)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>会议纪要用英文（其他材料为中文）</source>
            <translation>Minutes in English (other documents in Chinese)</translation>
        </message>
    </context>
    <context>
        <name>ExternalDialog</name>
        <message>
            <location filename="../../ui/scoring/external_editor.py" line="+118" />
            <source>外部得分录入</source>
            <translation>External scores</translation>
        </message>
        <message>
            <location line="+8" />
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+4" />
            <source>本场评分细则没有外部组成部分（如社会评议），最终得分只取评议团评分。</source>
            <translation>This scoring template has no external component (such as a public survey); the final score is the panel's score only.</translation>
        </message>
    </context>
    <context>
        <name>ExternalValues</name>
        <message>
            <location line="-54" />
            <source>0 到 100 分；留空表示尚无此项得分</source>
            <translation>0 to 100 points; leave empty if there is no score yet</translation>
        </message>
    </context>
    <context>
        <name>FinishDialog</name>
        <message>
            <location filename="../../ui/lifecycle.py" line="+69" />
            <location line="+37" />
            <source>结束评议会</source>
            <translation>Finish review meeting</translation>
        </message>
        <message>
            <location line="-30" />
            <source>仍然结束（原因与上列缺项记入审计日志）</source>
            <translation>Finish anyway (the reason and the gaps above go into the audit log)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>原因，例如：黄振专家因公提前离会，经评议组同意</source>
            <translation>Reason, e.g.: expert Huang Zhen left early on duty, with the panel's consent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>原因，例如：开州区撤回申报，经评估组同意</source>
            <translation>Reason, e.g.: Kaizhou District withdrew its application, with the assessment group's consent</translation>
        </message>
        <message>
            <location line="+2" />
            <source>“%1”的指标评定已全部完成。结束后，指标评定、创建进程和会议信息只读（会议小结仍可填写），之后可以封盘。</source>
            <translation>All indicators of "%1" are rated. After finishing, ratings, creation path and meeting details are read-only (the summary stays editable); then it can be sealed.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>“%1”还有 %2 个参评单位的指标未评定完，暂不能结束。请先补齐评定；确需结束的，勾选下面一项并写明原因。</source>
            <translation>"%1" still has %2 presenting units with unrated indicators and cannot finish yet. Complete the ratings first; if you must finish, tick the box below and give a reason.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>“%1”还有 %2 份评分未完成，暂不能结束。请先补齐评分；确需结束的，勾选下面一项并写明原因。</source>
            <translation>"%1" still has %2 unfinished score sheets and cannot finish yet. Complete the scores first; if you must finish, tick the box below and give a reason.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>“%1”的评分已全部完成。结束后，评分、提问和会议信息只读（会议小结仍可填写），之后可以封盘。</source>
            <translation>All scores of "%1" are complete. After finishing, scores, questions and meeting details are read-only (the summary stays editable); then it can be sealed.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>已评完但未提交的 %1 份评分将在结束时一并提交（锁定）。</source>
            <translation>%1 complete but unsubmitted score sheets will be submitted (locked) on finishing.</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <location filename="../../ui/history/models.py" line="+93" />
            <source>未定</source>
            <translation>Not set</translation>
        </message>
    </context>
    <context>
        <name>HistoryWindow</name>
        <message>
            <location filename="../../ui/history/window.py" line="+40" />
            <source>历史评议 · 单位档案 · 整改台账</source>
            <translation>Past reviews · Unit records · Rectification ledger</translation>
        </message>
        <message>
            <location line="+7" />
            <source>历次评议会</source>
            <translation>Review meetings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>检索</source>
            <translation>Search</translation>
        </message>
        <message>
            <location line="+1" />
            <source>单位档案</source>
            <translation>Unit records</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改台账</source>
            <translation>Rectification ledger</translation>
        </message>
        <message>
            <location line="+3" />
            <source>评议会包</source>
            <translation>Meeting package</translation>
        </message>
        <message>
            <location line="+2" />
            <source>导入评议会包…</source>
            <translation>Import meeting package…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>评议会包 (*.fzpkg);;所有文件 (*)</source>
            <translation>Meeting packages (*.fzpkg);;All files (*)</translation>
        </message>
        <message>
            <location line="+47" />
            <source>导入评议会包</source>
            <translation>Import meeting package</translation>
        </message>
        <message>
            <location line="+7" />
            <source>更新评议会</source>
            <translation>Update review meeting</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <location filename="../../ui/history/ledger_dialogs.py" line="-105" />
            <source>编辑整改事项</source>
            <translation>Edit rectification item</translation>
        </message>
        <message>
            <location line="+0" />
            <source>新增整改事项</source>
            <translation>New rectification item</translation>
        </message>
        <message>
            <location line="+11" />
            <source>默认为参评单位</source>
            <translation>Defaults to the presenting unit</translation>
        </message>
        <message>
            <location line="+15" />
            <source>参评单位</source>
            <translation>Presenting unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>存在问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改措施</source>
            <translation>Measures</translation>
        </message>
        <message>
            <location line="+1" />
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>责任人</source>
            <translation>Responsible person</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改时限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="+1" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>复核意见</source>
            <translation>Review opinion</translation>
        </message>
        <message>
            <location line="+2" />
            <source>此事项已销号；把状态改为“推进中”即重新打开。</source>
            <translation>This item is closed; set the status to "in progress" to reopen it.</translation>
        </message>
    </context>
    <context>
        <name>LedgerModel</name>
        <message>
            <location filename="../../ui/history/models.py" line="+87" />
            <source>（手工添加）</source>
            <translation>(added by hand)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>佐证：</source>
            <translation>Evidence: </translation>
        </message>
    </context>
    <context>
        <name>LedgerStatus</name>
        <message>
            <location filename="../../fazhi_desktop/labels.py" line="-131" />
            <source>未启动</source>
            <translation>Not started</translation>
        </message>
        <message>
            <location line="+1" />
            <source>推进中</source>
            <translation>In progress</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <location line="+1" />
            <source>逾期</source>
            <translation>Overdue</translation>
        </message>
    </context>
    <context>
        <name>LedgerTab</name>
        <message>
            <location filename="../../ui/history/ledger_tab.py" line="+28" />
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <location line="+1" />
            <source>未完成</source>
            <translation>Incomplete</translation>
        </message>
        <message>
            <location line="+4" />
            <source>问题或措施中的文字</source>
            <translation>Text in problem or measures</translation>
        </message>
        <message>
            <location line="+4" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+15" />
            <source>新增…</source>
            <translation>New…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>编辑…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>销号…</source>
            <translation>Close item…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导出 Excel…</source>
            <translation>Export Excel…</translation>
        </message>
        <message>
            <location line="+32" />
            <source>共 %1 项</source>
            <translation>%1 items</translation>
        </message>
        <message>
            <location line="+15" />
            <source>来源：%1</source>
            <translation>Source: %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>手工添加</source>
            <translation>Added by hand</translation>
        </message>
        <message>
            <location line="+2" />
            <source>　指标：</source>
            <translation>  Criterion: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>
佐证：</source>
            <translation>
Evidence: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>（文件：</source>
            <translation> (files: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>　销号日期：</source>
            <translation>  Closed on: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>
复核意见：</source>
            <translation>
Review opinion: </translation>
        </message>
        <message>
            <location line="+23" />
            <source>删除整改事项“%1”？</source>
            <translation>Delete rectification item "%1"?</translation>
        </message>
        <message>
            <location line="+8" />
            <source>导出整改台账</source>
            <translation>Export rectification ledger</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>已导出 %1 项到 %2</source>
            <translation>Exported %1 items to %2</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="+106" />
            <source>数据库：%1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>已自动备份：%1</source>
            <translation>Backed up automatically: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>自动备份失败：%1</source>
            <translation>Automatic backup failed: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>在左侧选择一场评议会，或新建一场开始筹备。</source>
            <translation>Choose a review meeting on the left, or create one to start preparing.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>新建评议会…</source>
            <translation>New review meeting…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>载入演示数据（两场示例评议会）</source>
            <translation>Load demo data (two sample review meetings)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>一场已结束的区县评议会（含评分、提问和整改台账）和一场待开的部门评议会</source>
            <translation>A finished district review (with scores, questions and rectification ledger) and an upcoming departmental review</translation>
        </message>
        <message>
            <location line="+20" />
            <source>已载入演示数据：两场示例评议会。</source>
            <translation>Demo data loaded: two sample review meetings.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location line="+10" />
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location line="+8" />
            <source>会议(&amp;M)</source>
            <translation>&amp;Meeting</translation>
        </message>
        <message>
            <location line="+4" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+111" />
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <location line="-78" />
            <source>评议会已结束：内容只读，核对无误后可以封盘。</source>
            <translation>The review meeting has finished: read-only; seal it once checked.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>已封盘，指纹 %1。</source>
            <translation>Sealed, fingerprint %1.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>评议会已重新打开（进行中），原因已记入审计日志。</source>
            <translation>The review meeting is reopened (live again); the reason is in the audit log.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>已更正并记入审计日志；指纹 %1 → %2</source>
            <translation>Corrected and logged; fingerprint %1 → %2</translation>
        </message>
        <message>
            <location line="+40" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 %2
评议会现场评议、评分汇总与会议材料导出。
数据库：%3</source>
            <translation>%1 %2
Live review meetings, score totals and meeting documents.
Database: %3</translation>
        </message>
        <message>
            <location line="+209" />
            <source>开始评估</source>
            <translation>Start assessment</translation>
        </message>
        <message>
            <location line="+0" />
            <source>开始现场评议</source>
            <translation>Start the live review</translation>
        </message>
        <message>
            <location line="-138" />
            <source>已恢复备份；恢复前的数据已另存为一个备份。</source>
            <translation>Backup restored; the data before restoring was saved as a backup.</translation>
        </message>
        <message>
            <location line="+135" />
            <source>状态：%1</source>
            <translation>Status: %1</translation>
        </message>
    </context>
    <context>
        <name>MeetingForm</name>
        <message>
            <location filename="../../ui/setup/meeting_form.py" line="+39" />
            <source>多个单位用顿号分隔</source>
            <translation>Separate several organisers with 、</translation>
        </message>
        <message>
            <location line="+2" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+3" />
            <source>出场顺序</source>
            <translation>Order</translation>
        </message>
        <message>
            <location line="+2" />
            <source>会议小结（评议组组长的总结意见，写入会议纪要）</source>
            <translation>Summary (the panel chair's concluding remarks, written into the minutes)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>会议小结</source>
            <translation>Summary</translation>
        </message>
        <message>
            <location line="+53" />
            <source>抽签决定：种子 %1，%2</source>
            <translation>Drawn: seed %1, %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>，监督人 %1</source>
            <translation>, witness %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>按录入顺序</source>
            <translation>In entry order</translation>
        </message>
    </context>
    <context>
        <name>NewSessionDialog</name>
        <message>
            <location filename="../../ui/session_list.py" line="+25" />
            <source>新建评议会</source>
            <translation>New review meeting</translation>
        </message>
        <message>
            <location line="+2" />
            <source>例如：2024年度普法履职报告评议会</source>
            <translation>e.g. 2024 law-popularisation duty report review</translation>
        </message>
        <message>
            <location line="+6" />
            <source>普法履职报告评议</source>
            <translation>Law-popularisation duty report review</translation>
        </message>
        <message>
            <location line="+0" />
            <source>法治政府建设述职评议</source>
            <translation>Law-based government work report review</translation>
        </message>
        <message>
            <location line="+0" />
            <source>法治政府建设示范创建</source>
            <translation>Law-based government model creation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <location line="+6" />
            <source>（自定义）</source>
            <translation>(custom)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>会议名称</source>
            <translation>Title</translation>
        </message>
        <message>
            <location line="+1" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+1" />
            <source>地点</source>
            <translation>Venue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>会议类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评分模板</source>
            <translation>Scoring template</translation>
        </message>
    </context>
    <context>
        <name>OpenItemsPanel</name>
        <message>
            <location filename="../../ui/history/open_items.py" line="+52" />
            <source>往次整改事项</source>
            <translation>Past rectification items</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1：往次评议没有未完成的整改事项</source>
            <translation>%1: no open rectification items from past reviews</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1：往次未完成的整改事项 %2 项</source>
            <translation>%1: %2 open rectification items from past reviews</translation>
        </message>
        <message>
            <location line="+3" />
            <source>手工添加</source>
            <translation>Added by hand</translation>
        </message>
        <message>
            <location line="+4" />
            <source>整改要求：</source>
            <translation>Rectification required: </translation>
        </message>
        <message>
            <location line="+1" />
            <source>来源：</source>
            <translation>Source: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>时限</source>
            <translation>Deadline</translation>
        </message>
    </context>
    <context>
        <name>PathPage</name>
        <message>
            <location filename="../../ui/checklist/path_page.py" line="+27" />
            <source>日期未定</source>
            <translation>date not set</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 至 %2</source>
            <translation>%1 to %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>（%1%）</source>
            <translation> (%1%)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>（异议 %1 件）</source>
            <translation> (%1 objections)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>已命名</source>
            <translation>Named</translation>
        </message>
        <message>
            <location line="+0" />
            <source>列入</source>
            <translation>Listed</translation>
        </message>
        <message>
            <location line="+0" />
            <source>未列入</source>
            <translation>Not listed</translation>
        </message>
        <message>
            <location line="+21" />
            <source>至 YYYY-MM-DD</source>
            <translation>to YYYY-MM-DD</translation>
        </message>
        <message>
            <location line="+10" />
            <source>异议件数</source>
            <translation>Objections</translation>
        </message>
        <message>
            <location line="+4" />
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <location line="+2" />
            <source>清除</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location line="+5" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+7" />
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <location line="+9" />
            <source>件异议</source>
            <translation>objections</translation>
        </message>
        <message>
            <location line="+3" />
            <source>取本场评定结果</source>
            <translation>Use this assessment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按本场指标评定算出的达标率填入</source>
            <translation>Fill in the rate met computed from this assessment's ratings</translation>
        </message>
        <message>
            <location line="+29" />
            <source>已记录：</source>
            <translation>Recorded: </translation>
        </message>
        <message>
            <location line="+0" />
            <source>未记录</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <location line="+30" />
            <source>拟命名名单</source>
            <translation>Proposed for naming</translation>
        </message>
        <message>
            <location line="+48" />
            <source>列入拟命名名单：%1；已命名：%2。</source>
            <translation>Proposed for naming: %1; named: %2.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>暂无</source>
            <translation>none</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%1 的创建进程</source>
            <translation>Creation path of %1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>已记录%1：%2</source>
            <translation>Recorded %1: %2</translation>
        </message>
        <message>
            <location line="+19" />
            <source>本场评定尚未完成，没有达标率可填。</source>
            <translation>The ratings are not complete yet; there is no rate to fill in.</translation>
        </message>
    </context>
    <context>
        <name>ProjectorBar</name>
        <message>
            <location filename="../../ui/live/projector_bar.py" line="+26" />
            <source>投屏窗口显示在哪个屏幕上</source>
            <translation>Screen for the projector window</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+89" />
            <source>提示演讲人</source>
            <translation>Prompt the speaker</translation>
        </message>
        <message>
            <location line="-81" />
            <source>自定义…</source>
            <translation>Custom…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>在投屏上公布评议结果…</source>
            <translation>Show results on the projector…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>到提醒时间和超时时响提示音</source>
            <translation>Beep at the warning time and when time is up</translation>
        </message>
        <message>
            <location line="+17" />
            <source>屏幕 %1（%2×%3）</source>
            <translation>Screen %1 (%2×%3)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>投屏</source>
            <translation>Projector</translation>
        </message>
        <message>
            <location line="+1" />
            <source>只检测到一个屏幕：全屏投屏会盖住主持界面。请接上投影仪后再按 F5，或先在窗口中显示。</source>
            <translation>Only one screen found: a full-screen projector view would cover the host's window. Connect the projector and press F5 again, or show it in a window.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>在窗口中显示</source>
            <translation>Show in a window</translation>
        </message>
        <message>
            <location line="+0" />
            <source>小窗预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location line="+33" />
            <source>投屏窗口未打开（F5 打开）。</source>
            <translation>Projector window is closed (F5 opens it).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>投屏上显示的提示：</source>
            <translation>Prompt shown on the projector:</translation>
        </message>
        <message>
            <location filename="../../ui/live/projector.py" line="+15" />
            <source>请控制时间</source>
            <translation>Please keep to time</translation>
        </message>
        <message>
            <location line="+0" />
            <source>请简要回答</source>
            <translation>Please answer briefly</translation>
        </message>
        <message>
            <location line="+1" />
            <source>请结束发言</source>
            <translation>Please conclude</translation>
        </message>
    </context>
    <context>
        <name>ProjectorWindow</name>
        <message>
            <location line="+34" />
            <source>投屏</source>
            <translation>Projector</translation>
        </message>
        <message>
            <location line="+59" />
            <source>按 F5 关闭投屏</source>
            <translation>Press F5 to close the projector</translation>
        </message>
        <message>
            <location line="+1" />
            <source>按 F5、Esc 或关闭窗口结束投屏</source>
            <translation>Press F5, Esc or close the window to stop projecting</translation>
        </message>
        <message>
            <location line="+36" />
            <source>下一个：%1</source>
            <translation>Next: %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>名次</source>
            <translation>Rank</translation>
        </message>
        <message>
            <location line="+0" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>综合得分</source>
            <translation>Final score</translation>
        </message>
        <message>
            <location line="+0" />
            <source>等次</source>
            <translation>Grade</translation>
        </message>
    </context>
    <context>
        <name>QuestionDialog</name>
        <message>
            <location filename="../../ui/live/question_dialog.py" line="+19" />
            <source>修改提问记录</source>
            <translation>Edit question</translation>
        </message>
        <message>
            <location line="+2" />
            <source>（未指定）</source>
            <translation>(not specified)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>（不涉及具体指标）</source>
            <translation>(no specific criterion)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>发现问题，需要整改</source>
            <translation>Problem found, needs rectification</translation>
        </message>
        <message>
            <location line="+3" />
            <source>建议的整改措施</source>
            <translation>Suggested measures</translation>
        </message>
        <message>
            <location line="+4" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>提问</source>
            <translation>Question</translation>
        </message>
        <message>
            <location line="+1" />
            <source>答复摘要</source>
            <translation>Answer summary</translation>
        </message>
        <message>
            <location line="+1" />
            <source>涉及指标</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <location line="+2" />
            <source>整改措施</source>
            <translation>Measures</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改期限</source>
            <translation>Deadline</translation>
        </message>
    </context>
    <context>
        <name>QuestionLog</name>
        <message>
            <location filename="../../ui/live/question_log.py" line="+37" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+5" />
            <source>提问内容，回车保存（Ctrl+Q 到这里，再按一次选专家）</source>
            <translation>Question text, Enter saves (Ctrl+Q comes here, press again to pick the expert)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>发现问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location line="+1" />
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <location line="+19" />
            <source>修改…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+2" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location line="+63" />
            <source>专家“%1”不在评议组中，或有多位专家与之相符。</source>
            <translation>Expert "%1" is not on the panel, or several experts match.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>当前没有单位，不能记录提问。</source>
            <translation>There is no current unit; a question cannot be recorded.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>已删除一条提问（Ctrl+Z 撤销）。</source>
            <translation>Question deleted (Ctrl+Z to undo).</translation>
        </message>
    </context>
    <context>
        <name>RatingGrid</name>
        <message>
            <location filename="../../ui/checklist/rating_model.py" line="+25" />
            <location line="+166" />
            <location filename="../../ui/checklist/rating_page.py" line="+87" />
            <source>达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <location line="-166" />
            <source>部分</source>
            <translation>Partly</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+165" />
            <location filename="../../ui/checklist/rating_page.py" line="+0" />
            <source>未达</source>
            <translation>Not met</translation>
        </message>
        <message>
            <location line="-165" />
            <source>不适用</source>
            <translation>N/A</translation>
        </message>
        <message>
            <location line="+44" />
            <source>达标率</source>
            <translation>Rate met</translation>
        </message>
        <message>
            <location line="+92" />
            <source>序号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>评估指标</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1：达标 %2，部分达标 %3，未达标 %4，不适用 %5，未评定 %6</source>
            <translation>%1: met %2, partly met %3, not met %4, N/A %5, not rated %6</translation>
        </message>
        <message>
            <location line="+13" />
            <source>缺席</source>
            <translation>Absent</translation>
        </message>
        <message>
            <location line="+4" />
            <source>无适用</source>
            <translation>None applicable</translation>
        </message>
        <message>
            <location line="+57" />
            <source>评估要点：</source>
            <translation>Key points: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>佐证要求：</source>
            <translation>Evidence required: </translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1：未评定</source>
            <translation>%1: not rated</translation>
        </message>
        <message>
            <location line="+1" />
            <source>未评定</source>
            <translation>Not rated</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1：%2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>说明：</source>
            <translation>Note: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>佐证：</source>
            <translation>Evidence: </translation>
        </message>
        <message>
            <location line="+3" />
            <source>精确值 %1%，门槛 %2%</source>
            <translation>Exact value %1%, threshold %2%</translation>
        </message>
    </context>
    <context>
        <name>RatingPage</name>
        <message>
            <location filename="../../ui/checklist/detail_panel.py" line="+37" />
            <source>快捷键 %1</source>
            <translation>Shortcut %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Del  清除</source>
            <translation>Del  Clear</translation>
        </message>
        <message>
            <location line="+1" />
            <source>快捷键 Delete</source>
            <translation>Shortcut Delete</translation>
        </message>
        <message>
            <location line="+5" />
            <source>说明：未达标或部分达标的原因、核查发现</source>
            <translation>Note: why not met or partly met, inspection findings</translation>
        </message>
        <message>
            <location line="+3" />
            <source>佐证材料（文字），如：《权责清单》；工作台账</source>
            <translation>Evidence (text), e.g. list of powers and duties; work ledger</translation>
        </message>
        <message>
            <location line="+1" />
            <source>保存说明</source>
            <translation>Save note</translation>
        </message>
        <message>
            <location line="+5" />
            <source>添加佐证文件…</source>
            <translation>Add file…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>删除所选文件</source>
            <translation>Remove file</translation>
        </message>
        <message>
            <location line="+11" />
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+1" />
            <source>佐证</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location line="+3" />
            <source>佐证文件（复制到数据库旁的 -evidence 文件夹，双击打开）</source>
            <translation>Evidence files (copied to the -evidence folder beside the database; double-click to open)</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/rating_page.py" line="+50" />
            <source>导入评定…</source>
            <translation>Import ratings…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入评估组的评定表（CSV 或 Excel：单位、指标、评定、说明、佐证）</source>
            <translation>Import the assessment group's ratings (CSV or Excel: unit, indicator, rating, note, evidence)</translation>
        </message>
        <message>
            <location line="+46" />
            <source>按 1 达标、2 部分达标、3 未达标、0 不适用，Delete 清除，可多选后一次评定；达标门槛 %1%，部分达标按 %2 项计。灰底行是一级指标的达标率，末行是总达标率（…表示尚未评完），※ 表示有说明。</source>
            <translation>Press 1 met, 2 partly met, 3 not met, 0 N/A, Delete to clear; select several cells to rate them at once. Threshold %1%, partly met counts as %2. Grey rows: rate met per first-level indicator; last row: overall rate (… = not fully rated); ※ = has a note.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>选择一个单位的一项指标</source>
            <translation>Select one indicator of one unit</translation>
        </message>
        <message>
            <location line="+9" />
            <source>评估要点：</source>
            <translation>Key points: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>佐证要求：</source>
            <translation>Evidence required: </translation>
        </message>
        <message>
            <location line="+11" />
            <source>添加于</source>
            <translation>Added</translation>
        </message>
        <message>
            <location line="+24" />
            <source>清除</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评定 %1 项：%2</source>
            <translation>Rate %1 indicators: %2</translation>
        </message>
        <message>
            <location line="+40" />
            <source>添加佐证文件</source>
            <translation>Add evidence file</translation>
        </message>
        <message>
            <location line="+0" />
            <source>所有文件 (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>导入评定</source>
            <translation>Import ratings</translation>
        </message>
        <message>
            <location line="+0" />
            <source>表格 (*.xlsx *.csv)</source>
            <translation>Spreadsheets (*.xlsx *.csv)</translation>
        </message>
    </context>
    <context>
        <name>RatingRevisionDialog</name>
        <message>
            <location filename="../../ui/checklist/revision_dialog.py" line="+27" />
            <source>封盘后更正评定</source>
            <translation>Correct a rating after sealing</translation>
        </message>
        <message>
            <location line="+1" />
            <source>必填：为什么更正、依据是什么（如复核意见、补交的佐证材料）</source>
            <translation>Required: why correct it and on what grounds (e.g. review opinion, evidence submitted later)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>评估</source>
            <translation>Assessment</translation>
        </message>
        <message>
            <location line="+0" />
            <source>参评单位</source>
            <translation>Presenting unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>指标</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <location line="+0" />
            <source>原评定</source>
            <translation>Current rating</translation>
        </message>
        <message>
            <location line="+1" />
            <source>更正为</source>
            <translation>Correct to</translation>
        </message>
        <message>
            <location line="+1" />
            <source>更正后仍保持封盘；原评定、新评定、原因和前后指纹记入审计日志。</source>
            <translation>The assessment stays sealed; old and new rating, reason and both fingerprints go into the audit log.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>（未评定）</source>
            <translation>(not rated)</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <location filename="../../ui/checklist/dossier_panel.py" line="-92" />
            <source>如 2024</source>
            <translation>e.g. 2024</translation>
        </message>
        <message>
            <location line="+10" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+4" />
            <source>报告年度</source>
            <translation>Report year</translation>
        </message>
        <message>
            <location line="+1" />
            <source>情况</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>如：已在政府网站公开</source>
            <translation>e.g. published on the government website</translation>
        </message>
        <message>
            <location line="+4" />
            <source>结论</source>
            <translation>Conclusion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>核查发现</source>
            <translation>Inspection findings</translation>
        </message>
        <message>
            <location line="+2" />
            <source>摘牌原因</source>
            <translation>Grounds</translation>
        </message>
        <message>
            <location line="+1" />
            <source>具体情况（“其他情形”必填）</source>
            <translation>Details (required for "other grounds")</translation>
        </message>
        <message>
            <location line="+1" />
            <source>说明</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>RecusalModel</name>
        <message>
            <location filename="../../ui/models/recusal_model.py" line="+57" />
            <source>回避</source>
            <translation>Recusal</translation>
        </message>
    </context>
    <context>
        <name>RecusalPanel</name>
        <message>
            <location filename="../../ui/setup/view.py" line="+31" />
            <source>勾选表示该专家与该单位有利害关系，须回避：不为该单位评分，其评分不计入该单位结果。</source>
            <translation>Ticked: the expert has a conflict of interest with this unit and is recused: no scoring of this unit, and no score of theirs counts for it.</translation>
        </message>
    </context>
    <context>
        <name>RehearsalWindow</name>
        <message>
            <location filename="../../ui/live/rehearsal.py" line="+22" />
            <source>演练 — %1</source>
            <translation>Rehearsal — %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>演练模式：这是“%1”的副本。关闭本窗口后，演练中的计时和记录全部丢弃，正式记录不受影响。</source>
            <translation>Rehearsal: this is a copy of "%1". When this window closes, the rehearsal's timing and records are discarded; the real records are untouched.</translation>
        </message>
    </context>
    <context>
        <name>ReopenDialog</name>
        <message>
            <location filename="../../ui/lifecycle.py" line="+68" />
            <source>重新打开评议会</source>
            <translation>Reopen review meeting</translation>
        </message>
        <message>
            <location line="+3" />
            <source>重新打开后，“%1”回到“进行中”，可以补录或修改评分、提问；之后须再次结束。原因记入审计日志：</source>
            <translation>Reopened, "%1" is live again: scores and questions can be added or changed; it must then be finished again. The reason goes into the audit log:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>例如：补录陈敏专家的纸质评分表</source>
            <translation>e.g. enter expert Chen Min's paper score sheet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>重新打开</source>
            <translation>Reopen</translation>
        </message>
    </context>
    <context>
        <name>Results</name>
        <message>
            <location filename="../../ui/scoring/results_models.py" line="+15" />
            <source>完整</source>
            <translation>Complete</translation>
        </message>
        <message>
            <location line="+0" />
            <source>未完成</source>
            <translation>Incomplete</translation>
        </message>
        <message>
            <location line="+1" />
            <source>缺席</source>
            <translation>Absent</translation>
        </message>
        <message>
            <location line="+30" />
            <source>排名</source>
            <translation>Rank</translation>
        </message>
        <message>
            <location line="+0" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+0" />
            <source>综合得分</source>
            <translation>Final score</translation>
        </message>
        <message>
            <location line="+0" />
            <source>等次</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+0" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>未评完专家</source>
            <translation>Experts not done</translation>
        </message>
        <message>
            <location line="+0" />
            <source>回避专家</source>
            <translation>Recused experts</translation>
        </message>
        <message>
            <location line="+21" />
            <source>待核对 {0} 项</source>
            <translation>{0} to check</translation>
        </message>
        <message>
            <location line="+22" />
            <source>{0} 项分数待双人核对：核对后才计算综合得分和排名</source>
            <translation>{0} scores await the double entry check: the final score and rank follow once checked</translation>
        </message>
        <message>
            <location line="+2" />
            <source>未舍入：{0}</source>
            <translation>Unrounded: {0}</translation>
        </message>
        <message>
            <location line="+34" />
            <location line="+38" />
            <source>回避</source>
            <translation>Recused</translation>
        </message>
        <message>
            <location line="-36" />
            <source>未评完，不计入</source>
            <translation>Not counted</translation>
        </message>
        <message>
            <location line="+2" />
            <source>去掉最高/低</source>
            <translation>Dropped</translation>
        </message>
        <message>
            <location line="+1" />
            <source>计入</source>
            <translation>Counted</translation>
        </message>
        <message>
            <location line="+7" />
            <source>满分</source>
            <translation>Max</translation>
        </message>
        <message>
            <location line="+2" />
            <source>各项平均</source>
            <translation>Mean per item</translation>
        </message>
        <message>
            <location line="+5" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+0" />
            <source>百分制</source>
            <translation>Out of 100</translation>
        </message>
    </context>
    <context>
        <name>ResultsPage</name>
        <message>
            <location filename="../../ui/scoring/results_view.py" line="+28" />
            <source>去掉一个最高分和一个最低分后平均（5 位及以上）</source>
            <translation>Mean after dropping the highest and the lowest score (5 or more experts)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>算术平均</source>
            <translation>Arithmetic mean</translation>
        </message>
        <message>
            <location line="+37" />
            <source>外部得分…</source>
            <translation>External scores…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>审计日志…</source>
            <translation>Audit log…</translation>
        </message>
        <message>
            <location line="+35" />
            <source>{0}　评议结果（{1}；{2}/{3} 个单位已有综合得分）</source>
            <translation>{0}  Results ({1}; {2}/{3} units have a final score)</translation>
        </message>
        <message>
            <location line="+46" />
            <source>{0}：各专家评分明细</source>
            <translation>{0}: scores by expert</translation>
        </message>
        <message>
            <location line="+11" />
            <source>评议团评分 = {0} 位专家总分平均 {1} ÷ 满分 {2} × 100 = {3}</source>
            <translation>Panel score = mean total of {0} experts {1} ÷ maximum {2} × 100 = {3}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>（已去掉最高分和最低分：{0}）</source>
            <translation>(highest and lowest dropped: {0})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>还没有评完的专家，评议团评分暂缺。</source>
            <translation>No expert has finished yet; the panel score is pending.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>综合得分 =（{0}）÷ {1}</source>
            <translation>Final score = ({0}) ÷ {1}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>综合得分 {0}（四舍五入到两位小数），等次 {1}，排名 {2}</source>
            <translation>Final score {0} (rounded to two decimals), grade {1}, rank {2}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>综合得分暂缺：{0} 尚无数值。</source>
            <translation>Final score pending: {0} has no value yet.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评分</source>
            <translation>Scoring</translation>
        </message>
        <message>
            <location line="+2" />
            <source>未评完（不计入）：{0}</source>
            <translation>Not finished (not counted): {0}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>回避：{0}</source>
            <translation>Recused: {0}</translation>
        </message>
    </context>
    <context>
        <name>RevisionDialog</name>
        <message>
            <location filename="../../ui/history/revision_dialog.py" line="+18" />
            <source>封盘后更正评分</source>
            <translation>Correct a score after sealing</translation>
        </message>
        <message>
            <location line="+1" />
            <source>必填：为什么更正、依据是什么（如经专家签字确认的评分表）</source>
            <translation>Required: why correct it and on what grounds (e.g. a score sheet signed by the expert)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>评议会</source>
            <translation>Review meeting</translation>
        </message>
        <message>
            <location line="+0" />
            <source>参评单位</source>
            <translation>Presenting unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+0" />
            <source>指标</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>原得分</source>
            <translation>Current score</translation>
        </message>
        <message>
            <location line="+0" />
            <source>更正为</source>
            <translation>Correct to</translation>
        </message>
        <message>
            <location line="+1" />
            <source>更正后评议会仍保持封盘；原值、新值、原因和前后指纹记入审计日志，导出材料上的指纹随之改变。</source>
            <translation>The meeting stays sealed; old and new value, reason and both fingerprints go into the audit log, and the fingerprint on exported documents changes.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>（未评分）</source>
            <translation>(not scored)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>请填写更正后的得分。</source>
            <translation>Please enter the corrected score.</translation>
        </message>
    </context>
    <context>
        <name>RevisionFrame</name>
        <message>
            <location filename="../../ui/revision_base.py" line="+44" />
            <source>更正原因</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>Roster</name>
        <message>
            <location filename="../../fazhi_desktop/roster.py" line="+19" />
            <source>等待</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <location line="+0" />
            <source>汇报中</source>
            <translation>Reporting</translation>
        </message>
        <message>
            <location line="+1" />
            <source>问答中</source>
            <translation>Questions</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评分中</source>
            <translation>Scoring</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <location line="+0" />
            <source>缺席</source>
            <translation>Absent</translation>
        </message>
    </context>
    <context>
        <name>RosterPanel</name>
        <message>
            <location filename="../../ui/setup/roster_panel.py" line="-129" />
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除选中行</source>
            <translation>Delete selected rows</translation>
        </message>
        <message>
            <location line="+1" />
            <source>上移</source>
            <translation>Move up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>下移</source>
            <translation>Move down</translation>
        </message>
        <message>
            <location line="+1" />
            <source>从 CSV 或 Excel 文件导入</source>
            <translation>Import from a CSV or Excel file</translation>
        </message>
        <message>
            <location line="+47" />
            <source>请先在左边的输入框里写上名称。</source>
            <translation>Type a name in the box on the left first.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>已添加“%1”。</source>
            <translation>Added "%1".</translation>
        </message>
        <message>
            <location line="+9" />
            <source>删除“%1”？</source>
            <translation>Delete "%1"?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>已删除“%1”。</source>
            <translation>Deleted "%1".</translation>
        </message>
        <message>
            <location line="+12" />
            <source>选择要导入的文件</source>
            <translation>Choose a file to import</translation>
        </message>
        <message>
            <location line="+1" />
            <source>表格文件 (*.csv *.xlsx);;所有文件 (*)</source>
            <translation>Spreadsheets (*.csv *.xlsx);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>RowsModel</name>
        <message>
            <location filename="../../ui/history/dossier_tab.py" line="-102" />
            <source>是</source>
            <translation>Yes</translation>
        </message>
    </context>
    <context>
        <name>ScoreChart</name>
        <message>
            <location filename="../../ui/history/chart.py" line="+52" />
            <source>综合得分</source>
            <translation>Final score</translation>
        </message>
        <message>
            <location line="+37" />
            <source>请选择一个单位，查看其历次评议得分。</source>
            <translation>Select a unit to see its scores over past reviews.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>得分（综合得分；各指标为占该项满分的百分比）</source>
            <translation>Score (final score; criteria as % of their maximum)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>第%1/%2名</source>
            <translation>Rank %1/%2</translation>
        </message>
        <message>
            <location line="+0" />
            <source>未排名</source>
            <translation>Not ranked</translation>
        </message>
    </context>
    <context>
        <name>ScoreCommand</name>
        <message>
            <location filename="../../ui/scoring/commands.py" line="+27" />
            <source>评分 {0}：{1} → {2}</source>
            <translation>Score {0}: {1} → {2}</translation>
        </message>
        <message>
            <location line="+31" />
            <source>撤销修改</source>
            <translation>Undo change</translation>
        </message>
        <message>
            <location line="+1" />
            <source>重做修改</source>
            <translation>Redo change</translation>
        </message>
    </context>
    <context>
        <name>ScoreGrid</name>
        <message>
            <location filename="../../fazhi_desktop/scoring.py" line="+309" />
            <source>已提交</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <location line="+0" />
            <source>已评完</source>
            <translation>Done</translation>
        </message>
        <message>
            <location line="+1" />
            <source>未评完</source>
            <translation>Not done</translation>
        </message>
        <message>
            <location line="+0" />
            <source>未评分</source>
            <translation>Not scored</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/scoring/grid_model.py" line="+240" />
            <source>回避</source>
            <translation>Recused</translation>
        </message>
        <message>
            <location filename="../../ui/scoring/grid_model.py" line="-142" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+100" />
            <source>评分指标</source>
            <translation>Criteria</translation>
        </message>
        <message>
            <location line="+2" />
            <source>满分</source>
            <translation>Max</translation>
        </message>
        <message>
            <location line="+7" />
            <source>·手机</source>
            <translation> · phone</translation>
        </message>
        <message>
            <location line="+2" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+3" />
            <source>。该专家正用自己的手机评分，此列只读；需代录时，请在“专家设备”中接管。</source>
            <translation>. This expert scores on their own phone, so the column is read-only; to enter for them, take over in "Expert devices".</translation>
        </message>
        <message>
            <location line="+38" />
            <source>{0} 对本单位回避，不评分</source>
            <translation>{0} is recused from this unit and does not score it</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{0}：0 到 {1} 分，可打半分</source>
            <translation>{0}: 0 to {1} points, halves allowed</translation>
        </message>
        <message>
            <location line="+49" />
            <source>不能保存</source>
            <translation>Cannot save</translation>
        </message>
    </context>
    <context>
        <name>ScoringPage</name>
        <message>
            <location filename="../../ui/scoring/panel.py" line="+71" />
            <source>输入分数后按 Enter 或 Tab 保存并下移，最后一项之后转到下一位专家；Delete 清除；Ctrl+Enter 提交本列；Alt+↓/↑ 换单位。</source>
            <translation>Type a score, Enter or Tab saves and moves down, after the last one to the next expert; Delete clears; Ctrl+Enter submits the column; Alt+↓/↑ changes unit.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>提交本列</source>
            <translation>Submit</translation>
        </message>
        <message>
            <location line="+0" />
            <source>提交（锁定）当前列专家对本单位的评分</source>
            <translation>Submit (lock) the current column's expert's scores for this unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>全部提交</source>
            <translation>Submit all</translation>
        </message>
        <message>
            <location line="+0" />
            <source>提交所有已评完的专家</source>
            <translation>Submit every expert who has finished</translation>
        </message>
        <message>
            <location line="+1" />
            <source>撤回…</source>
            <translation>Withdraw…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>撤回当前列专家的提交（需填写原因）</source>
            <translation>Withdraw the current column's submission (a reason is required)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>审计日志…</source>
            <translation>Audit…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>提交后的每次修改与导入替换</source>
            <translation>Every change after submission, and every import replacement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>从 CSV 或 XLSX 导入评分或外部得分；有任何错误行则整个文件不导入</source>
            <translation>Import scores or external scores from CSV or XLSX; if any row is wrong, nothing is imported</translation>
        </message>
        <message>
            <location line="+2" />
            <source>导入评分（专家、单位、指标、得分）…</source>
            <translation>Import scores (expert, unit, criterion, score)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导入外部得分（单位、项目、得分）…</source>
            <translation>Import external scores (unit, item, score)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>双人录入核对…</source>
            <translation>Recheck…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>第二人对照纸质评分表盲录一遍，逐项比较，差异逐项核对并填写原因</source>
            <translation>A second person enters the paper sheets blind; entries are compared one by one and each difference is resolved with a reason</translation>
        </message>
        <message>
            <location line="+1" />
            <source>须双人核对</source>
            <translation>Double entry</translation>
        </message>
        <message>
            <location line="+1" />
            <source>开启后，评分须经第二人录入核对一致才计入结果（开关记入审计日志）</source>
            <translation>When on, a score counts only after a second person's entry matches it (switching is logged)</translation>
        </message>
        <message>
            <location line="+71" />
            <source>参评单位（评分完成情况）</source>
            <translation>Units (progress)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>外部得分（本单位）</source>
            <translation>External scores (this unit)</translation>
        </message>
        <message>
            <location line="+130" />
            <source>表格文件 (*.csv *.xlsx)</source>
            <translation>Spreadsheets (*.csv *.xlsx)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>导入评分</source>
            <translation>Import scores</translation>
        </message>
        <message>
            <location line="+0" />
            <source>导入外部得分</source>
            <translation>Import external scores</translation>
        </message>
        <message>
            <location line="+28" />
            <source>已开启双人录入核对：评分须经第二人核对一致才计入结果。</source>
            <translation>Double entry is on: a score counts only after a second person's entry matches it.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已关闭双人录入核对：评分录入后即计入结果。</source>
            <translation>Double entry is off: scores count as soon as they are entered.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>双人录入核对：已核对 {0} 张评分表。</source>
            <translation>Double entry: {0} score sheets checked.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>双人录入核对：本单位 {0} 项评分待核对（全场 {1} 项）；未核对的单位暂不计算综合得分和排名。</source>
            <translation>Double entry: {0} scores of this unit to check ({1} in all); units not yet checked get no final score or rank.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>双人录入核对：本单位的评分已全部核对（全场还有 {0} 项待核对）。</source>
            <translation>Double entry: this unit is fully checked ({0} scores left in all).</translation>
        </message>
        <message>
            <location line="+21" />
            <source>请先选择参评单位。</source>
            <translation>Select a presenting unit first.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>修改已提交的评分</source>
            <translation>Change a submitted score</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{0} 对本单位的评分已提交。请填写修改“{1}”的原因：</source>
            <translation>{0}'s scores for this unit are submitted. Give the reason for changing "{1}":</translation>
        </message>
        <message>
            <location line="+2" />
            <source>已提交的评分未修改：修改需要填写原因。</source>
            <translation>The submitted score was not changed: a change needs a reason.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>已保存：{0} / {1} = {2}</source>
            <translation>Saved: {0} / {1} = {2}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>。{0} 已评完全部指标，可按“提交本列”锁定。</source>
            <translation>. {0} has scored every criterion; "Submit" locks the column.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>外部得分已保存。</source>
            <translation>External score saved.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>没有已评完待提交的专家。</source>
            <translation>No finished expert is waiting to be submitted.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>已提交（锁定）{0} 位专家的评分。</source>
            <translation>Submitted (locked) the scores of {0} experts.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>请先选中一位已提交的专家。</source>
            <translation>Select a submitted expert first.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>撤回提交</source>
            <translation>Withdraw submission</translation>
        </message>
        <message>
            <location line="+0" />
            <source>请填写撤回提交的原因：</source>
            <translation>Reason for withdrawing the submission:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>已撤回提交。</source>
            <translation>Submission withdrawn.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>（本场还没有参评单位）</source>
            <translation>(no presenting units yet)</translation>
        </message>
    </context>
    <context>
        <name>SealDialog</name>
        <message>
            <location filename="../../ui/lifecycle.py" line="-47" />
            <location line="+23" />
            <source>封盘</source>
            <translation>Seal</translation>
        </message>
        <message>
            <location line="-20" />
            <source>指标评定、创建进程和会议信息</source>
            <translation>ratings, creation path and meeting details</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评分、提问和会议信息</source>
            <translation>scores, questions and meeting details</translation>
        </message>
        <message>
            <location line="+1" />
            <source>封盘后，“%1”的%2都不能再直接修改；确需更正时须填写原因，留下记录，指纹随之改变。会议材料每一页都印有下面的指纹：</source>
            <translation>Once sealed, the %2 of "%1" can no longer be edited directly; a correction needs a reason, is recorded, and changes the fingerprint. Every page of the meeting documents carries this fingerprint:</translation>
        </message>
        <message>
            <location line="+17" />
            <source>已核对评议结果和会议材料，确认封盘</source>
            <translation>I have checked the results and documents; seal now</translation>
        </message>
    </context>
    <context>
        <name>SearchKind</name>
        <message>
            <location filename="../../fazhi_desktop/history.py" line="+27" />
            <source>提问</source>
            <translation>Question</translation>
        </message>
        <message>
            <location line="+0" />
            <source>答复</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改要求</source>
            <translation>Rectification required</translation>
        </message>
        <message>
            <location line="+1" />
            <source>会议小结</source>
            <translation>Meeting summary</translation>
        </message>
        <message>
            <location line="+0" />
            <source>整改问题</source>
            <translation>Rectification problem</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改措施与佐证</source>
            <translation>Measures and evidence</translation>
        </message>
    </context>
    <context>
        <name>SearchTab</name>
        <message>
            <location filename="../../ui/history/search_tab.py" line="+17" />
            <source>检索提问、答复、整改要求、会议小结（如：执法、行政执法、出庭 应诉率）</source>
            <translation>Search questions, answers, rectification requirements and summaries (several words: separate them with spaces)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>检索</source>
            <translation>Search</translation>
        </message>
        <message>
            <location line="+20" />
            <source>双击一条结果：打开该单位的档案（会议小结则转到该场评议会）。</source>
            <translation>Double-click a result to open the unit's records (a summary opens its review meeting).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>找到 %1 条</source>
            <translation>%1 found</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <location filename="../../fazhi_desktop/sessions.py" line="+22" />
            <source>筹备中</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location line="+0" />
            <source>进行中</source>
            <translation>Live</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已结束</source>
            <translation>Ended</translation>
        </message>
        <message>
            <location line="+0" />
            <source>已封盘</source>
            <translation>Sealed</translation>
        </message>
        <message>
            <location filename="../../fazhi_desktop/labels.py" line="+133" />
            <source>会议名称</source>
            <translation>Title</translation>
        </message>
        <message>
            <location line="+0" />
            <source>会议类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+0" />
            <source>地点</source>
            <translation>Venue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>主办单位</source>
            <translation>Organisers</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评议组组长</source>
            <translation>Panel chair</translation>
        </message>
        <message>
            <location line="+1" />
            <source>主持人</source>
            <translation>Host</translation>
        </message>
        <message>
            <location line="+0" />
            <source>记录员</source>
            <translation>Secretary</translation>
        </message>
        <message>
            <location line="+1" />
            <source>会议小结</source>
            <translation>Summary</translation>
        </message>
        <message>
            <location filename="../../fazhi_desktop/sessions.py" line="+28" />
            <source>如需修改，请先重新打开评议会（窗口菜单“会议 → 重新打开…”，或命令 reopen；需填写原因，留痕）。</source>
            <translation> To change it, reopen the review meeting first (menu "Meeting → Reopen…", or the reopen command; a reason is required and recorded).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>如需更正，请走封盘后更正（窗口菜单“会议 → 封盘后更正…”；需填写原因，留痕）。</source>
            <translation> To correct it, use a correction after sealing (menu "Meeting → Correct after sealing…"; a reason is required and recorded).</translation>
        </message>
        <message>
            <location filename="../../ui/locks.py" line="+20" />
            <source>评议会“%1”已封盘，%2不能再修改。</source>
            <translation>Review meeting "%1" is sealed; its %2 can no longer change.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>评议会“%1”已结束，%2只读。</source>
            <translation>Review meeting "%1" has finished; its %2 are read-only.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议会“%1”已开始现场评议，不能再%2。</source>
            <translation>Review meeting "%1" is under way; %2 can no longer change.</translation>
        </message>
    </context>
    <context>
        <name>SessionListPanel</name>
        <message>
            <location filename="../../ui/session_list.py" line="+55" />
            <source>评议会</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <location line="+7" />
            <source>新建评议会</source>
            <translation>New review meeting</translation>
        </message>
        <message>
            <location line="+1" />
            <source>以选中的评议会为模板新建（单位、专家、细则、回避）</source>
            <translation>New review meeting based on the selected one (units, experts, template, recusals)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除选中的评议会</source>
            <translation>Delete the selected review meeting</translation>
        </message>
        <message>
            <location line="+3" />
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <location line="+60" />
            <source>以此为模板新建</source>
            <translation>New from this</translation>
        </message>
        <message>
            <location line="+0" />
            <source>新评议会的名称：</source>
            <translation>Name of the new review meeting:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>（副本）</source>
            <translation> (copy)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>删除评议会“%1”？其单位、专家、评分和提问记录将一并删除，且不能撤销。</source>
            <translation>Delete review meeting "%1"? Its units, experts, scores and questions are deleted too; this cannot be undone.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除评议会</source>
            <translation>Delete review meeting</translation>
        </message>
    </context>
    <context>
        <name>SessionParts</name>
        <message>
            <location filename="../../fazhi_desktop/sessions.py" line="-21" />
            <source>会议信息</source>
            <translation>meeting details</translation>
        </message>
        <message>
            <location line="+1" />
            <source>会议小结</source>
            <translation>summary</translation>
        </message>
        <message>
            <location line="+1" />
            <source>参评单位和评议专家</source>
            <translation>presenting units and experts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评分细则</source>
            <translation>scoring template</translation>
        </message>
        <message>
            <location line="+1" />
            <source>抽签</source>
            <translation>order draw</translation>
        </message>
        <message>
            <location line="+1" />
            <source>回避</source>
            <translation>recusals</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评分</source>
            <translation>scores</translation>
        </message>
        <message>
            <location line="+1" />
            <source>外部得分</source>
            <translation>external scores</translation>
        </message>
        <message>
            <location line="+1" />
            <source>提问记录</source>
            <translation>questions</translation>
        </message>
        <message>
            <location line="+1" />
            <source>现场计时</source>
            <translation>live timing</translation>
        </message>
        <message>
            <location line="+2" />
            <source>指标评定</source>
            <translation>ratings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>创建进程</source>
            <translation>creation path</translation>
        </message>
    </context>
    <context>
        <name>SessionsModel</name>
        <message>
            <location filename="../../ui/models/sessions_model.py" line="+46" />
            <source>未定</source>
            <translation>Not set</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1（%2 个单位，%3 位专家）</source>
            <translation>%1 (%2 units, %3 experts)</translation>
        </message>
    </context>
    <context>
        <name>SessionsTab</name>
        <message>
            <location filename="../../ui/history/sessions_tab.py" line="+33" />
            <source>会议名称、地点或主办单位</source>
            <translation>Title, venue or organisers</translation>
        </message>
        <message>
            <location line="+3" />
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <location line="+0" />
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+0" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+22" />
            <source>打开（只读）</source>
            <translation>Open (read-only)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>封盘…</source>
            <translation>Seal…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>重新打开…</source>
            <translation>Reopen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>更正评分…</source>
            <translation>Correct score…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>从提问生成整改事项</source>
            <translation>Rectification items from questions</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导出评议会包…</source>
            <translation>Export meeting package…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>评议结果</source>
            <translation>Results</translation>
        </message>
        <message>
            <location line="+24" />
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <location line="+9" />
            <source>共 %1 场</source>
            <translation>%1 meetings</translation>
        </message>
        <message>
            <location line="+32" />
            <source>没有符合条件的评议会</source>
            <translation>No review meeting matches</translation>
        </message>
        <message>
            <location line="+9" />
            <source>日期：%1　地点：%2
状态：%3　指纹：%4</source>
            <translation>Date: %1  Venue: %2
Status: %3  Fingerprint: %4</translation>
        </message>
        <message>
            <location line="+0" />
            <source>未定</source>
            <translation>Not set</translation>
        </message>
        <message>
            <location line="+37" />
            <source>已更正并记入审计日志；指纹 %1 → %2</source>
            <translation>Corrected and logged; fingerprint %1 → %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>已生成 %1 项整改事项（已有的不重复生成）。</source>
            <translation>%1 rectification items created (existing ones are not duplicated).</translation>
        </message>
        <message>
            <location line="+8" />
            <source>导出评议会包</source>
            <translation>Export meeting package</translation>
        </message>
        <message>
            <location line="+5" />
            <source>评议会包已导出：%1</source>
            <translation>Meeting package exported: %1</translation>
        </message>
    </context>
    <context>
        <name>SetupView</name>
        <message>
            <location filename="../../ui/setup/view.py" line="+27" />
            <source>会议信息</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <location line="+1" />
            <source>参评单位</source>
            <translation>Presenting unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议专家</source>
            <translation>Experts</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评估组</source>
            <translation>Assessors</translation>
        </message>
        <message>
            <location line="+2" />
            <source>评分细则与计时</source>
            <translation>Scoring template and timing</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评估指标与门槛</source>
            <translation>Indicators and threshold</translation>
        </message>
        <message>
            <location line="+2" />
            <source>回避</source>
            <translation>Recusal</translation>
        </message>
        <message>
            <location line="+38" />
            <source>已按抽签结果排序（种子 %1）。</source>
            <translation>Sorted by the draw (seed %1).</translation>
        </message>
        <message>
            <location line="+24" />
            <source>本场评议会已封盘，所有内容只读。</source>
            <translation>This review meeting is sealed; everything is read-only.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>本场评议会已结束，筹备信息只读（会议小结仍可填写）。</source>
            <translation>This review meeting has finished; the preparation is read-only (the summary stays editable).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>本场评估正在进行：修改参评单位或评估指标会影响评定，请谨慎。</source>
            <translation>This assessment is under way: changing presenting units or indicators affects the ratings. Take care.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>本场评议会正在进行：修改单位或专家会影响现场评议，请谨慎。</source>
            <translation>This review meeting is under way: changing units or experts affects the live review. Take care.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../ui/main_window.py" line="-459" />
            <source>快捷键一览</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <location line="+3" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location line="+0" />
            <source>快捷键</source>
            <translation>Shortcut</translation>
        </message>
    </context>
    <context>
        <name>TableHeaders</name>
        <message>
            <location filename="../../ui/checklist/dossier_panel.py" line="-56" />
            <location filename="../../ui/history/dossier_tab.py" line="-6" />
            <location line="+4" />
            <location filename="../../ui/history/models.py" line="-118" />
            <location line="+42" />
            <location filename="../../ui/models/sessions_model.py" line="-36" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../ui/history/models.py" line="-2" />
            <location filename="../../ui/models/roster_models.py" line="+232" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/history/models.py" line="+0" />
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/path_page.py" line="-243" />
            <location filename="../../ui/checklist/results_page.py" line="-163" />
            <location filename="../../ui/history/models.py" line="-38" />
            <location line="+39" />
            <location filename="../../ui/history/sessions_tab.py" line="-193" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+0" />
            <source>第三方达标率</source>
            <translation>Third-party rate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>拟命名</source>
            <translation>Proposed</translation>
        </message>
        <message>
            <location line="+0" />
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/results_page.py" line="+0" />
            <location filename="../../ui/history/dossier_tab.py" line="-2" />
            <location filename="../../ui/history/sessions_tab.py" line="+0" />
            <source>排名</source>
            <translation>Rank</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+61" />
            <source>达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <location line="-61" />
            <location line="+61" />
            <source>部分达标</source>
            <translation>Partly met</translation>
        </message>
        <message>
            <location line="-60" />
            <location line="+61" />
            <source>未达标</source>
            <translation>Not met</translation>
        </message>
        <message>
            <location line="-61" />
            <location line="+61" />
            <source>不适用</source>
            <translation>N/A</translation>
        </message>
        <message>
            <location line="-60" />
            <source>适用</source>
            <translation>Applicable</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+61" />
            <source>未评定</source>
            <translation>Not rated</translation>
        </message>
        <message>
            <location line="-60" />
            <location line="+60" />
            <source>达标率</source>
            <translation>Rate met</translation>
        </message>
        <message>
            <location line="-60" />
            <source>结论</source>
            <translation>Conclusion</translation>
        </message>
        <message>
            <location line="+57" />
            <source>一级指标</source>
            <translation>First-level indicator</translation>
        </message>
        <message>
            <location line="+0" />
            <source>指标数</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <location filename="../../ui/models/roster_models.py" line="-28" />
            <source>单位名称</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>汇报人</source>
            <translation>Presenter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>职务</source>
            <translation>Title</translation>
        </message>
        <message>
            <location line="+1" />
            <source>汇报题目</source>
            <translation>Report title</translation>
        </message>
        <message>
            <location filename="../../ui/history/dossier_tab.py" line="-2" />
            <location filename="../../ui/history/models.py" line="+0" />
            <source>评议会</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <location line="+1" />
            <source>当时名称</source>
            <translation>Name then</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/history/sessions_tab.py" line="+1" />
            <source>综合得分</source>
            <translation>Final score</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/history/sessions_tab.py" line="+0" />
            <source>等次</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+1" />
            <source>提问</source>
            <translation>Question</translation>
        </message>
        <message>
            <location line="+1" />
            <source>答复</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../ui/history/models.py" line="-39" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>发现问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/history/models.py" line="-1" />
            <location line="+84" />
            <location filename="../../ui/models/roster_models.py" line="+0" />
            <location filename="../../ui/models/sessions_model.py" line="+1" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/history/models.py" line="-3" />
            <source>存在问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/history/models.py" line="+2" />
            <source>整改时限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <location line="+0" />
            <source>佐证</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location filename="../../ui/models/roster_models.py" line="+24" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>工作单位</source>
            <translation>Affiliation</translation>
        </message>
        <message>
            <location filename="../../ui/history/models.py" line="-84" />
            <location filename="../../ui/models/sessions_model.py" line="-1" />
            <source>会议名称</source>
            <translation>Title</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+83" />
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="-2" />
            <source>参评单位</source>
            <translation>Presenting unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>整改措施</source>
            <translation>Measures</translation>
        </message>
        <message>
            <location line="+0" />
            <source>责任单位/责任人</source>
            <translation>Responsible</translation>
        </message>
        <message>
            <location line="+2" />
            <source>来源评议会</source>
            <translation>From meeting</translation>
        </message>
    </context>
    <context>
        <name>TemplateDraft</name>
        <message>
            <location filename="../../fazhi_desktop/template_draft.py" line="+44" />
            <source>添加指标</source>
            <translation>Add criterion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除指标</source>
            <translation>Delete criterion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>移动指标</source>
            <translation>Move criterion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改指标名称</source>
            <translation>Rename criterion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改满分</source>
            <translation>Change maximum</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改说明</source>
            <translation>Change description</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改佐证要求</source>
            <translation>Change evidence required</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改模板名称</source>
            <translation>Rename template</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改模板类型</source>
            <translation>Change template kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改汇总方式</source>
            <translation>Change aggregation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改组成部分</source>
            <translation>Change components</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改等次</source>
            <translation>Change grades</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改计时</source>
            <translation>Change timing</translation>
        </message>
        <message>
            <location line="+1" />
            <source>修改达标门槛</source>
            <translation>Change threshold</translation>
        </message>
        <message>
            <location line="+1" />
            <source>载入模板</source>
            <translation>Load template</translation>
        </message>
    </context>
    <context>
        <name>TemplateEditor</name>
        <message>
            <location filename="../../ui/setup/template_editor.py" line="+72" />
            <source>打分式</source>
            <translation>Scored</translation>
        </message>
        <message>
            <location line="+1" />
            <source>清单式（示范创建）</source>
            <translation>Checklist (model creation)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>清单式：每项指标评定达标、部分达标、未达标或不适用，按达标率与门槛判断</source>
            <translation>Checklist: each indicator is rated met, partly met, not met or N/A, and judged by the rate met against the threshold</translation>
        </message>
        <message>
            <location line="+13" />
            <source>添加一级指标</source>
            <translation>Add top-level criterion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>为选中指标添加下级指标</source>
            <translation>Add a sub-criterion to the selected one</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除选中指标</source>
            <translation>Delete selected criterion</translation>
        </message>
        <message>
            <location line="+1" />
            <source>上移</source>
            <translation>Move up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>下移</source>
            <translation>Move down</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+19" />
            <location line="+88" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location line="-106" />
            <location line="+21" />
            <location line="+86" />
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location line="-97" />
            <source>模板名称</source>
            <translation>Template name</translation>
        </message>
        <message>
            <location line="+36" />
            <source>保存到本场评议会</source>
            <translation>Save to this meeting</translation>
        </message>
        <message>
            <location line="+2" />
            <source>放弃修改</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <location line="+50" />
            <source>有未保存的修改。</source>
            <translation>There are unsaved changes.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>本场已有指标评定：评估指标不能再改，评估要点、佐证要求、门槛和折算仍可修改。</source>
            <translation>This assessment has ratings: the indicators are fixed; assessment points, evidence required, threshold and weight can still change.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>本场已有评分：评分指标和满分不能再改，等次、计时和说明仍可修改。</source>
            <translation>This meeting has scores: criteria and maxima are fixed; grades, timing and notes can still change.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>评分细则有未保存的修改。</source>
            <translation>The scoring template has unsaved changes.</translation>
        </message>
        <message>
            <location line="+111" />
            <source>新指标</source>
            <translation>New criterion</translation>
        </message>
        <message>
            <location line="+6" />
            <source>新下级指标</source>
            <translation>New sub-criterion</translation>
        </message>
        <message>
            <location line="+43" />
            <source>合计 %1 分</source>
            <translation>Total %1 points</translation>
        </message>
        <message>
            <location line="+2" />
            <source>　（%1 个末级指标缺少正数满分）</source>
            <translation>  (%1 leaf criteria lack a positive maximum)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>　（结果将折算为百分制）</source>
            <translation>  (results are scaled to 100)</translation>
        </message>
        <message>
            <location line="-11" />
            <source>一级指标 %1 项，评估指标 %2 项</source>
            <translation>%1 first-level indicators, %2 indicators</translation>
        </message>
        <message>
            <location line="+25" />
            <source>评分细则</source>
            <translation>Scoring template</translation>
        </message>
        <message>
            <location line="+9" />
            <source>评分细则已保存。</source>
            <translation>Scoring template saved.</translation>
        </message>
    </context>
    <context>
        <name>TemplateLibraryBar</name>
        <message>
            <location filename="../../ui/setup/template_library.py" line="+35" />
            <source>载入所选模板</source>
            <translation>Load template</translation>
        </message>
        <message>
            <location line="+2" />
            <source>从文件导入…</source>
            <translation>Import from file…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>导入指标表…</source>
            <translation>Import indicators…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>从 Excel 或 CSV 导入完整的指标体系：一级、二级、三级、评估要点、佐证要求</source>
            <translation>Import a complete indicator system from Excel or CSV: levels 1–3, assessment points, evidence required</translation>
        </message>
        <message>
            <location line="+2" />
            <source>导出为文件…</source>
            <translation>Export to file…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>另存到模板库…</source>
            <translation>Save to library…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>模板库</source>
            <translation>Template library</translation>
        </message>
        <message>
            <location line="+9" />
            <source>（自定义）</source>
            <translation>(custom)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>导入评分模板</source>
            <translation>Import scoring template</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+45" />
            <source>模板 (*.json)</source>
            <translation>Templates (*.json)</translation>
        </message>
        <message>
            <location line="-28" />
            <source>导入指标表</source>
            <translation>Import indicators</translation>
        </message>
        <message>
            <location line="+0" />
            <source>表格 (*.xlsx *.csv)</source>
            <translation>Spreadsheets (*.xlsx *.csv)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>示范创建评估</source>
            <translation>Model-creation assessment</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+12" />
            <location line="+26" />
            <source>评分细则</source>
            <translation>Scoring template</translation>
        </message>
        <message>
            <location line="-31" />
            <source>已读入指标表：%1 保存后生效。</source>
            <translation>Indicators read: %1 They take effect when saved.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>导出评分模板</source>
            <translation>Export scoring template</translation>
        </message>
        <message>
            <location line="+8" />
            <source>无法写入 %1：%2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>已导出到 %1</source>
            <translation>Exported to %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>另存到模板库</source>
            <translation>Save to template library</translation>
        </message>
        <message>
            <location line="+0" />
            <source>模板名称：</source>
            <translation>Template name:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>（修订）</source>
            <translation> (revised)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>已存入模板库：%1</source>
            <translation>Saved to the template library: %1</translation>
        </message>
    </context>
    <context>
        <name>TemplateSettings</name>
        <message>
            <location filename="../../ui/setup/template_settings.py" line="+36" />
            <source>算术平均</source>
            <translation>Arithmetic mean</translation>
        </message>
        <message>
            <location line="+1" />
            <source>去掉一个最高分和一个最低分后平均（5 人及以上）</source>
            <translation>Mean after dropping the highest and lowest (5 or more experts)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>组成部分</source>
            <translation>Component</translation>
        </message>
        <message>
            <location line="+0" />
            <source>权重</source>
            <translation>Weight</translation>
        </message>
        <message>
            <location line="+0" />
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+21" />
            <source>等次</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="-21" />
            <source>最低分</source>
            <translation>Minimum</translation>
        </message>
        <message>
            <location line="+10" />
            <source>汇报时长（分钟）</source>
            <translation>Report (minutes)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>问答时长（分钟）</source>
            <translation>Questions (minutes)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>提前提醒（分钟）</source>
            <translation>Warn before end (minutes)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>汇总方式</source>
            <translation>Aggregation</translation>
        </message>
        <message>
            <location line="+2" />
            <source>组成部分与权重（不填则专家评分占 100%）</source>
            <translation>Components and weights (empty: expert scores count 100%)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>计时</source>
            <translation>Timing</translation>
        </message>
        <message>
            <location line="+13" />
            <source>达标门槛</source>
            <translation>Threshold</translation>
        </message>
        <message>
            <location line="+1" />
            <source>部分达标折算（0 不计，0.5 计半项，1 计一项）</source>
            <translation>Partly met counts as (0 none, 0.5 half, 1 one)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>达标率＝（达标＋部分达标×折算）÷（指标数－不适用）×100%；四舍五入保留两位小数，是否达到门槛按未经舍入的达标率判断。</source>
            <translation>Rate met = (met + partly met × weight) ÷ (indicators − N/A) × 100%, rounded to two decimals; whether it reaches the threshold is judged on the unrounded rate.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>达标率与门槛（示范创建）</source>
            <translation>Rate met and threshold (model creation)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>添加一行</source>
            <translation>Add row</translation>
        </message>
        <message>
            <location line="+2" />
            <source>删除选中行</source>
            <translation>Delete selected rows</translation>
        </message>
        <message>
            <location line="+54" />
            <source>专家评分</source>
            <translation>Expert scores</translation>
        </message>
        <message>
            <location line="+1" />
            <source>外部录入（如社会评议）</source>
            <translation>Entered externally (e.g. public survey)</translation>
        </message>
    </context>
    <context>
        <name>TemplateTreeModel</name>
        <message>
            <location filename="../../ui/setup/template_model.py" line="+98" />
            <source>评估指标</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评分指标</source>
            <translation>Criteria</translation>
        </message>
        <message>
            <location line="+1" />
            <source>满分</source>
            <translation>Max</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评估要点</source>
            <translation>Key points</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评分说明</source>
            <translation>Scoring notes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>佐证要求</source>
            <translation>Evidence required</translation>
        </message>
        <message>
            <location line="+21" />
            <source>末级指标必须有一个正数满分</source>
            <translation>A leaf criterion needs a positive maximum</translation>
        </message>
        <message>
            <location line="+2" />
            <source>下级指标满分之和</source>
            <translation>Sum of the sub-criteria's maxima</translation>
        </message>
    </context>
    <context>
        <name>TimerCard</name>
        <message>
            <location filename="../../ui/live/timer_card.py" line="+70" />
            <source>尚未开始</source>
            <translation>Not started</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议会已结束</source>
            <translation>Review meeting finished</translation>
        </message>
        <message>
            <location line="+1" />
            <source>（没有当前单位）</source>
            <translation>(no current unit)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>汇报人：%1</source>
            <translation>Presenter: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>下一个：%1</source>
            <translation>Next: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>限时 %1</source>
            <translation>Time limit %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>评分中</source>
            <translation>Scoring</translation>
        </message>
        <message>
            <location line="+6" />
            <source>已结束</source>
            <translation>Finished</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 · 已暂停（空格键继续）</source>
            <translation>%1 · paused (Space to resume)</translation>
        </message>
    </context>
    <context>
        <name>UnitList</name>
        <message>
            <location filename="../../ui/scoring/unit_list.py" line="+67" />
            <source>{0}/{1} 已评完</source>
            <translation>{0}/{1} done</translation>
        </message>
        <message>
            <location line="+2" />
            <source>，{0} 回避</source>
            <translation>, {0} recused</translation>
        </message>
        <message>
            <location line="+2" />
            <source>，{0} 项待核对</source>
            <translation>, {0} to check</translation>
        </message>
        <message>
            <location line="+14" />
            <source>（缺席）</source>
            <translation> (absent)</translation>
        </message>
    </context>
    <context>
        <name>UnitsPanel</name>
        <message>
            <location filename="../../ui/setup/roster_panel.py" line="+27" />
            <source>新参评单位名称，回车添加</source>
            <translation>New presenting unit's name, Enter to add</translation>
        </message>
        <message>
            <location line="+4" />
            <source>抽签</source>
            <translation>Draw</translation>
        </message>
        <message>
            <location line="+2" />
            <source>抽签决定出场顺序</source>
            <translation>Draw the presentation order</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <location filename="../../ui/verify_dialog.py" line="+50" />
            <source>校验审计链与封盘签名</source>
            <translation>Verify audit chains and seal signatures</translation>
        </message>
        <message>
            <location line="+2" />
            <source>正在校验…</source>
            <translation>Verifying…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>审计链</source>
            <translation>Audit chain</translation>
        </message>
        <message>
            <location line="+0" />
            <source>记录数</source>
            <translation>Entries</translation>
        </message>
        <message>
            <location line="+0" />
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <location line="+30" />
            <source>校验通过：%1 条审计链、%2 条记录，均未被改动。</source>
            <translation>Verified: %1 audit chains, %2 entries, none altered.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>校验未通过：%3 条审计链有断裂（见下表），数据可能被改动。请保留此文件，并从备份恢复。</source>
            <translation>Verification failed: %3 audit chains are broken (see below); the data may have been altered. Keep this file and restore from a backup.</translation>
        </message>
    </context>
    <context>
        <name>actions</name>
        <message>
            <location filename="../../ui/actions.py" line="+30" />
            <source>新建评议会…</source>
            <translation>New review meeting…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>以此为模板新建…</source>
            <translation>New from this meeting…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>删除评议会…</source>
            <translation>Delete review meeting…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>导出会议材料…</source>
            <translation>Export meeting documents…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location line="+2" />
            <source>开始/暂停计时</source>
            <translation>Start/pause timer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>结束当前环节</source>
            <translation>End current phase</translation>
        </message>
        <message>
            <location line="+1" />
            <source>下一个单位</source>
            <translation>Next unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>上一个单位</source>
            <translation>Previous unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>加时一分钟</source>
            <translation>Add one minute</translation>
        </message>
        <message>
            <location line="+1" />
            <source>记录提问</source>
            <translation>Record question</translation>
        </message>
        <message>
            <location line="+1" />
            <source>投屏窗口 开/关</source>
            <translation>Projector on/off</translation>
        </message>
        <message>
            <location line="+1" />
            <source>标记缺席</source>
            <translation>Mark absent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>返回上一环节</source>
            <translation>Back to previous phase</translation>
        </message>
        <message>
            <location line="+2" />
            <source>开始现场评议</source>
            <translation>Start the live review</translation>
        </message>
        <message>
            <location line="+1" />
            <source>结束评议会…</source>
            <translation>Finish review meeting…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>封盘…</source>
            <translation>Seal…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>重新打开…</source>
            <translation>Reopen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>封盘后更正…</source>
            <translation>Correct after sealing…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>历史与整改台账…</source>
            <translation>History and rectification ledger…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>备份与恢复…</source>
            <translation>Backup and restore…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>校验审计链…</source>
            <translation>Verify audit chains…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>核对每场评议会的审计链、封盘签名与数据是否一致（命令行：verify）</source>
            <translation>Check each review meeting's audit chain, seal signature and data agree (command line: verify)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>快捷键一览</source>
            <translation>Keyboard shortcuts</translation>
        </message>
    </context>
    <context>
        <name>anomalies</name>
        <message>
            <location filename="../../fazhi_desktop/anomalies.py" line="+24" />
            <source>分差过大</source>
            <translation>Wide spread</translation>
        </message>
        <message>
            <location line="+0" />
            <source>评分偏离</source>
            <translation>Biased expert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>漏评</source>
            <translation>Missing</translation>
        </message>
        <message>
            <location line="+3" />
            <source>“%1”专家总分相差 %2 分（最高 %3 %4，最低 %5 %6，按百分制），超过 %7 分。</source>
            <translation>"%1": the experts' totals differ by %2 points (highest %3 %4, lowest %5 %6, out of 100), more than %7.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家“%1”在 %2 个单位的总分平均高于其他专家 %3 分（按百分制），且每个单位都高于，超过 %4 分。</source>
            <translation>Expert "%1" scored %2 units on average %3 points above the other experts (out of 100), above on every unit, more than %4.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家“%1”在 %2 个单位的总分平均低于其他专家 %3 分（按百分制），且每个单位都低于，超过 %4 分。</source>
            <translation>Expert "%1" scored %2 units on average %3 points below the other experts (out of 100), below on every unit, more than %4.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家“%1”对“%2”还有 %3/%4 项未评分（%5）。</source>
            <translation>Expert "%1" has %3 of %4 items of "%2" unscored (%5).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>专家“%1”对“%2”还有 %3/%4 项未评分（%5等）。</source>
            <translation>Expert "%1" has %3 of %4 items of "%2" unscored (%5 and more).</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <location filename="../../ui/app.py" line="+97" />
            <source>无法打开数据库。</source>
            <translation>Cannot open the database.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>恢复最近的完好快照</source>
            <translation>Restore the latest good snapshot</translation>
        </message>
        <message>
            <location filename="../../ui/i18n.py" line="+34" />
            <source>法治评议</source>
            <translation>Fazhi Review</translation>
        </message>
    </context>
    <context>
        <name>binding</name>
        <message>
            <location filename="../../ui/binding.py" line="+123" />
            <source>法治评议不能启动：已安装的 Qt 绑定 PySide6 %1（Python %2）有引用计数缺陷（探测 %3 次：None 丢失 %4 个引用，True 丢失 %5 个，False 丢失 %6 个），评议会进行中程序会突然崩溃。
解决办法：在程序目录运行 bash scripts/dev.sh setup，安装锁定的 %7；或改用 Python 3.12 及以上版本。</source>
            <translation>Fazhi Review cannot start: the installed Qt binding PySide6 %1 (Python %2) has a reference-counting defect (%3 probes: None lost %4 references, True lost %5, False lost %6), so the program would crash during a review meeting.
Fix: run bash scripts/dev.sh setup in the program folder to install the pinned %7, or use Python 3.12 or later.</translation>
        </message>
    </context>
    <context>
        <name>crashlog</name>
        <message>
            <location filename="../../ui/crashlog.py" line="+38" />
            <source>（日志文件无法写入，详情见标准错误输出）</source>
            <translation>(the log file cannot be written; see standard error for details)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>程序遇到意外错误：%1

评议会数据是安全的：每一项录入在输入时都已保存到数据库，已保存的内容不会因此丢失。

错误详情已记入日志：%2
如问题再次出现，请把该文件交给技术支持。</source>
            <translation>The program hit an unexpected error: %1

The review meeting's data is safe: every entry was saved to the database as it was typed, and nothing saved is lost.

The details are in the log: %2
If it happens again, please give that file to technical support.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>意外错误</source>
            <translation>Unexpected error</translation>
        </message>
    </context>
    <context>
        <name>dialogs</name>
        <message>
            <location filename="../../ui/dialogs.py" line="+19" />
            <source>未能完成</source>
            <translation>Could not complete</translation>
        </message>
        <message>
            <location line="+7" />
            <source>提示</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+4" />
            <source>请确认</source>
            <translation>Please confirm</translation>
        </message>
        <message>
            <location line="+19" />
            <source>未保存的修改</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>放弃修改</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>留在此处</source>
            <translation>Stay here</translation>
        </message>
        <message>
            <location line="+11" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>lifecycle</name>
        <message>
            <location filename="../../ui/lifecycle.py" line="+86" />
            <source>筹备就绪后，在“现场评议”开始第一个单位。</source>
            <translation>When preparation is done, start the first unit in "Live review".</translation>
        </message>
        <message>
            <location line="+1" />
            <source>全部单位评议完毕后，结束评议会。</source>
            <translation>When all units are reviewed, finish the review meeting.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评分、提问和会议信息只读；核对无误后封盘，需修改时重新打开。</source>
            <translation>Scores, questions and meeting details are read-only; seal once checked, or reopen to change.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>已定稿；更正须填写原因并留痕。</source>
            <translation>Final; a correction needs a reason and is recorded.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>导入指标表、录入参评单位后，在“指标评定”逐项评定。</source>
            <translation>Import the indicators and enter the presenting units, then rate them in "Ratings".</translation>
        </message>
        <message>
            <location line="+1" />
            <source>全部单位的指标评定完毕、创建进程记录后，结束评估。</source>
            <translation>When all units are rated and their creation path recorded, finish the assessment.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>指标评定和创建进程只读；核对无误后封盘，需修改时重新打开。</source>
            <translation>Ratings and creation path are read-only; seal once checked, or reopen to change.</translation>
        </message>
    </context>
    <context>
        <name>live</name>
        <message>
            <location filename="../../fazhi_desktop/live.py" line="+39" />
            <source>汇报</source>
            <translation>Report</translation>
        </message>
        <message>
            <location line="+0" />
            <source>提问答复</source>
            <translation>Q&amp;A</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评分</source>
            <translation>Scoring</translation>
        </message>
        <message>
            <location line="+0" />
            <source>未开始</source>
            <translation>Not started</translation>
        </message>
        <message>
            <location filename="../../ui/live/commands.py" line="+36" />
            <source>记录提问</source>
            <translation>Record question</translation>
        </message>
        <message>
            <location line="+14" />
            <source>修改提问</source>
            <translation>Edit question</translation>
        </message>
        <message>
            <location line="+13" />
            <source>删除提问</source>
            <translation>Delete question</translation>
        </message>
        <message>
            <location filename="../../ui/live/models.py" line="+22" />
            <source>序号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>参评单位</source>
            <translation>Presenting unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+0" />
            <source>用时</source>
            <translation>Time used</translation>
        </message>
        <message>
            <location line="+66" />
            <source>（整改 %1）</source>
            <translation> (rectification %1)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>往次评议提出、尚未完成的整改事项 %1 项</source>
            <translation>%1 rectification items from earlier meetings still open</translation>
        </message>
        <message>
            <location line="+21" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+0" />
            <source>专家</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location line="+0" />
            <source>提问</source>
            <translation>Question</translation>
        </message>
        <message>
            <location line="+1" />
            <source>答复</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>发现问题 / 整改措施</source>
            <translation>Problem found / measures</translation>
        </message>
        <message>
            <location line="+51" />
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>期限 </source>
            <translation>Deadline </translation>
        </message>
    </context>
    <context>
        <name>pages</name>
        <message>
            <location filename="../../ui/pages.py" line="+50" />
            <location line="+10" />
            <source>会前筹备</source>
            <translation>Setup</translation>
        </message>
        <message>
            <location line="-9" />
            <source>现场评议</source>
            <translation>Live review</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评分录入</source>
            <translation>Score entry</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评议结果</source>
            <translation>Results</translation>
        </message>
        <message>
            <location line="+8" />
            <source>指标评定</source>
            <translation>ratings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>评估结果</source>
            <translation>Results</translation>
        </message>
        <message>
            <location line="+1" />
            <source>创建进程</source>
            <translation>creation path</translation>
        </message>
    </context>
</TS>
