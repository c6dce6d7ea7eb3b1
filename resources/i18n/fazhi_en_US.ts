<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AnomalyPanel</name>
    <message>
        <location filename="../../ui/scoring/anomaly_panel.py" line="19"/>
        <source>主持人提示（不上投屏）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/anomaly_panel.py" line="27"/>
        <source> 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/anomaly_panel.py" line="32"/>
        <source>分差阈值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/anomaly_panel.py" line="33"/>
        <source>同一单位专家总分（按百分制）相差超过此值时提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/anomaly_panel.py" line="53"/>
        <source>暂无需要注意的评分。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/scoring/audit_dialog.py" line="63"/>
        <source>评分审计日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/audit_dialog.py" line="67"/>
        <source>全部专家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/audit_dialog.py" line="70"/>
        <source>全部单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/audit_dialog.py" line="88"/>
        <source>专家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/audit_dialog.py" line="90"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/audit_dialog.py" line="95"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/audit_dialog.py" line="100"/>
        <source>审计日志只能追加，不能修改或删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/audit_dialog.py" line="107"/>
        <source>共 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/backups.py" line="100"/>
        <source>备份与恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="102"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="102"/>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="102"/>
        <source>评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="102"/>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="109"/>
        <source>备份位置：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="114"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="116"/>
        <source>恢复所选备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="119"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="151"/>
        <source>已备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="158"/>
        <source>用 %1 的备份替换当前数据库？
当前数据会先另存为一个备份，可以再恢复回来。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backups.py" line="160"/>
        <source>恢复备份</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="106"/>
        <source>整改销号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="109"/>
        <source>写明整改结果和佐证（必填），例如：已印发制度文件，见……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="113"/>
        <source>添加佐证文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="121"/>
        <source>存在问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="122"/>
        <source>佐证材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="123"/>
        <source>佐证文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="124"/>
        <source>销号日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="125"/>
        <source>复核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="138"/>
        <source>选择佐证文件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <location filename="../../ui/live/console.py" line="76"/>
        <source>开始现场评议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="78"/>
        <source>演练…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="79"/>
        <source>在本场的副本上练习主持，结束后丢弃，不影响正式记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="108"/>
        <source>调到最后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="134"/>
        <source>议程（双击或回车跳转）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="187"/>
        <source>提问记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="193"/>
        <location filename="../../ui/live/console.py" line="343"/>
        <source>往次整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="206"/>
        <source>评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="285"/>
        <source>评议会尚在筹备中。开始后，会议状态变为“进行中”，第一个单位进入汇报环节。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="286"/>
        <source>评议会已结束，现场记录只读。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="287"/>
        <source>评议会已封盘，现场记录只读。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="289"/>
        <source>全部单位已评议完毕。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="328"/>
        <source>尚未开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="329"/>
        <source>（没有当前单位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="331"/>
        <source>汇报人：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="334"/>
        <source>下一个：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="338"/>
        <source>限时 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="343"/>
        <source>往次整改（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="367"/>
        <source>进度正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="369"/>
        <source>落后 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="371"/>
        <source>提前 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="373"/>
        <source>已完成 %1/%2 个单位，%5
计划 %3，已用 %4，尚需约 %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="389"/>
        <source>评分中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="471"/>
        <source>在投屏上公布评议结果（名次、综合得分、等次）？全场都将看到。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="473"/>
        <source>尚无综合得分的单位：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="474"/>
        <source>公布结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="511"/>
        <source>计时仍在进行。关闭后现场状态已保存，重新打开本场评议会时计时会接着进行。确定关闭吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/console.py" line="512"/>
        <source>关闭窗口</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierTab</name>
    <message>
        <location filename="../../ui/history/window.py" line="298"/>
        <source>关联曾用名…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="299"/>
        <source>显示各指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="302"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="326"/>
        <source>历次得分与排名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="327"/>
        <source>专家提问</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="328"/>
        <source>整改事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="361"/>
        <source>共 %1 场评议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="363"/>
        <source>（显示最近 %1 场）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="365"/>
        <source>；含曾用名/现名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="367"/>
        <source>；未完成整改 %1 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="369"/>
        <source>专家提问（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="370"/>
        <source>整改事项（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="376"/>
        <source>关联曾用名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="377"/>
        <source>“%1”以前的名称（如机构改革前的名称）：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <location filename="../../ui/setup/draw_dialog.py" line="19"/>
        <source>抽签决定出场顺序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/draw_dialog.py" line="24"/>
        <source>重新生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/draw_dialog.py" line="30"/>
        <source>可选：现场监督人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/draw_dialog.py" line="36"/>
        <source>随机种子</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/draw_dialog.py" line="37"/>
        <source>监督人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/draw_dialog.py" line="38"/>
        <source>同一种子总是得到同一顺序：单位名称排序后按种子打乱。确定后种子、时间和监督人记入会议纪要。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/draw_dialog.py" line="42"/>
        <source>按此顺序确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/draw_dialog.py" line="48"/>
        <source>抽签结果（预览）：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpertsPanel</name>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="198"/>
        <source>新专家姓名，回车添加</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export/dialog.py" line="36"/>
        <source>导出会议材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="41"/>
        <source>数据指纹：%1（每页页脚都印有此指纹，可与本机数据核对）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="50"/>
        <source>注意：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="56"/>
        <source>导出内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="66"/>
        <source>评议意见书中不写专家姓名（发给参评单位时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="71"/>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="77"/>
        <source>导出到文件夹：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="82"/>
        <source>选择要导出的材料和文件夹，然后点“导出”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="86"/>
        <source>导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="88"/>
        <source>打开文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="91"/>
        <location filename="../../ui/export/dialog.py" line="132"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="124"/>
        <source>选择导出文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="132"/>
        <source>取消导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="143"/>
        <source>请选择导出文件夹。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="146"/>
        <source>内存数据库不能在后台导出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="156"/>
        <source>正在准备…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="176"/>
        <source>正在导出（%1/%2）：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="184"/>
        <source>已导出 %1 个文件，用时 %2 秒。数据指纹 %3。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="200"/>
        <source>导出失败：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="220"/>
        <source>正在取消…（当前文件写完后停止）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExternalDialog</name>
    <message>
        <location filename="../../ui/scoring/external_editor.py" line="117"/>
        <source>外部得分录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/external_editor.py" line="125"/>
        <source>已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/external_editor.py" line="127"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/external_editor.py" line="131"/>
        <source>本场评分细则没有外部组成部分（如社会评议），最终得分只取评议团评分。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/history/models.py" line="99"/>
        <source>未定</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../ui/history/window.py" line="541"/>
        <source>历史评议 · 单位档案 · 整改台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="548"/>
        <source>历次评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="549"/>
        <source>检索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="550"/>
        <source>单位档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="551"/>
        <source>整改台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="554"/>
        <source>评议会包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="556"/>
        <source>导入评议会包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="565"/>
        <source>评议会包 (*.fzpkg);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="615"/>
        <source>导入评议会包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="622"/>
        <source>更新评议会</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="27"/>
        <source>编辑整改事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="27"/>
        <source>新增整改事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="38"/>
        <source>默认为参评单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="51"/>
        <source>参评单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="52"/>
        <source>存在问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="53"/>
        <source>整改措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="54"/>
        <source>责任单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="55"/>
        <source>责任人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="56"/>
        <source>整改时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="57"/>
        <source>整改类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="58"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="59"/>
        <source>复核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/ledger_dialogs.py" line="61"/>
        <source>此事项已销号；把状态改为“推进中”即重新打开。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../ui/history/models.py" line="182"/>
        <source>shown_status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="183"/>
        <source>（手工添加）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/models.py" line="186"/>
        <source>佐证：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <location filename="../../ui/history/window.py" line="401"/>
        <source>问题或措施中的文字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="405"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="407"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="422"/>
        <source>新增…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="423"/>
        <source>编辑…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="424"/>
        <source>销号…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="425"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="426"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="458"/>
        <source>共 %1 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="473"/>
        <source>来源：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="473"/>
        <source>手工添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="475"/>
        <source>&#x3000;指标：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="477"/>
        <source>
佐证：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="479"/>
        <source>（文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="481"/>
        <source>&#x3000;销号日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="483"/>
        <source>
复核意见：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="513"/>
        <source>删除整改事项“%1”？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="521"/>
        <source>导出整改台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="522"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="528"/>
        <source>已导出 %1 项到 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>在左侧选择一场评议会，或点击“新建”开始筹备。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>数据库：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>已自动备份：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>自动备份失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>%1 %2
评议会现场评议、评分汇总与会议材料导出。
数据库：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>此版本尚不能导出会议材料。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>此版本尚无历史浏览。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>已恢复备份；恢复前的数据已另存为一个备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>状态：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <location filename="../../ui/setup/meeting_form.py" line="38"/>
        <source>多个单位用顿号分隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/meeting_form.py" line="40"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/meeting_form.py" line="43"/>
        <source>出场顺序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/meeting_form.py" line="45"/>
        <source>会议小结（评议组组长的总结意见，写入会议纪要）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/meeting_form.py" line="50"/>
        <source>会议小结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/meeting_form.py" line="101"/>
        <source>抽签决定：种子 %1，%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/meeting_form.py" line="103"/>
        <source>，监督人 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/meeting_form.py" line="105"/>
        <source>按录入顺序</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <location filename="../../ui/session_list.py" line="24"/>
        <source>新建评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="26"/>
        <source>例如：2024年度普法履职报告评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="32"/>
        <source>普法履职报告评议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="32"/>
        <source>法治政府建设述职评议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="32"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="35"/>
        <source>（自定义）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="41"/>
        <source>会议名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="42"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="43"/>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="44"/>
        <source>会议类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="45"/>
        <source>评分模板</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenItemsPanel</name>
    <message>
        <location filename="../../ui/history/open_items.py" line="50"/>
        <source>往次整改事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/open_items.py" line="52"/>
        <source>%1：往次评议没有未完成的整改事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/open_items.py" line="54"/>
        <source>%1：往次未完成的整改事项 %2 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/open_items.py" line="61"/>
        <source>整改要求：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/open_items.py" line="62"/>
        <source>来源：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectorBar</name>
    <message>
        <location filename="../../ui/live/projector_bar.py" line="36"/>
        <source>投屏窗口显示在哪个屏幕上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector_bar.py" line="41"/>
        <location filename="../../ui/live/projector_bar.py" line="117"/>
        <source>提示演讲人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector_bar.py" line="48"/>
        <source>自定义…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector_bar.py" line="50"/>
        <source>在投屏上公布评议结果…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector_bar.py" line="53"/>
        <source>到提醒时间和超时时响提示音</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector_bar.py" line="74"/>
        <source>屏幕 %1（%2×%3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector_bar.py" line="112"/>
        <source>投屏窗口未打开（F5 打开）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector_bar.py" line="117"/>
        <source>投屏上显示的提示：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <location filename="../../ui/live/projector.py" line="47"/>
        <source>投屏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector.py" line="103"/>
        <source>下一个：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector.py" line="109"/>
        <source>名次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector.py" line="109"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector.py" line="110"/>
        <source>综合得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/projector.py" line="110"/>
        <source>等次</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="17"/>
        <source>修改提问记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="19"/>
        <source>（未指定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="26"/>
        <source>（不涉及具体指标）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="30"/>
        <source>发现问题，需要整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="33"/>
        <source>建议的整改措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="37"/>
        <source>专家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="38"/>
        <source>提问</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="39"/>
        <source>答复摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="40"/>
        <source>涉及指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="42"/>
        <source>整改措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_dialog.py" line="43"/>
        <source>整改期限</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionLog</name>
    <message>
        <location filename="../../ui/live/question_log.py" line="34"/>
        <source>专家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_log.py" line="39"/>
        <source>提问内容，回车保存（Ctrl+Q 到这里）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_log.py" line="41"/>
        <source>发现问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_log.py" line="42"/>
        <source>记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_log.py" line="61"/>
        <source>修改…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_log.py" line="63"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_log.py" line="65"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_log.py" line="103"/>
        <source>专家“%1”不在评议组中，或有多位专家与之相符。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_log.py" line="108"/>
        <source>当前没有单位，不能记录提问。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/question_log.py" line="155"/>
        <source>已删除一条提问（Ctrl+Z 撤销）。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecusalModel</name>
    <message>
        <location filename="../../ui/models/recusal_model.py" line="57"/>
        <source>回避</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecusalPanel</name>
    <message>
        <location filename="../../ui/setup/view.py" line="28"/>
        <source>勾选表示该专家与该单位有利害关系，须回避：不为该单位评分，其评分不计入该单位结果。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RehearsalWindow</name>
    <message>
        <location filename="../../ui/live/rehearsal.py" line="22"/>
        <source>演练 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/live/rehearsal.py" line="23"/>
        <source>演练模式：这是“%1”的副本。关闭本窗口后，演练中的计时和记录全部丢弃，正式记录不受影响。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="65"/>
        <source>外部得分…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="67"/>
        <source>审计日志…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="100"/>
        <source>{0}&#x3000;评议结果（{1}；{2}/{3} 个单位已有综合得分）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="153"/>
        <source>{0}：各专家评分明细</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="164"/>
        <source>评议团评分 = {0} 位专家总分平均 {1} ÷ 满分 {2} × 100 = {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="167"/>
        <source>（已去掉最高分和最低分：{0}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="170"/>
        <source>还没有评完的专家，评议团评分暂缺。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="175"/>
        <source>综合得分 =（{0}）÷ {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="177"/>
        <source>综合得分 {0}（四舍五入到两位小数），等次 {1}，排名 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="181"/>
        <source>综合得分暂缺：{0} 尚无数值。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="181"/>
        <source>评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="183"/>
        <source>未评完（不计入）：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/results_view.py" line="185"/>
        <source>回避：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="24"/>
        <source>封盘后更正评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="39"/>
        <source>必填：为什么更正、依据是什么（如经专家签字确认的评分表）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="43"/>
        <source>评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="44"/>
        <source>参评单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="45"/>
        <source>专家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="46"/>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="47"/>
        <source>原得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="48"/>
        <source>更正为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="49"/>
        <source>更正原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="50"/>
        <source>更正后评议会仍保持封盘；原值、新值、原因和前后指纹记入审计日志，导出材料上的指纹随之改变。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="68"/>
        <source>（未评分）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/revision_dialog.py" line="72"/>
        <source>请填写更正后的得分。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="69"/>
        <source>添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="70"/>
        <source>删除选中行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="71"/>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="72"/>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="73"/>
        <source>从 CSV 或 Excel 文件导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="120"/>
        <source>请先在左边的输入框里写上名称。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="125"/>
        <source>已添加“%1”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="134"/>
        <source>删除“%1”？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="137"/>
        <source>已删除“%1”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="149"/>
        <source>选择要导入的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="150"/>
        <source>表格文件 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../../ui/history/chart.py" line="50"/>
        <source>综合得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/chart.py" line="87"/>
        <source>请选择一个单位，查看其历次评议得分。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/chart.py" line="103"/>
        <source>得分（综合得分；各指标为占该项满分的百分比）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/chart.py" line="112"/>
        <source>第%1/%2名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/chart.py" line="113"/>
        <source>未排名</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <location filename="../../ui/scoring/panel.py" line="64"/>
        <source>输入分数后按 Enter 或 Tab 保存并下移，最后一项之后转到下一位专家；Delete 清除；Ctrl+Enter 提交本列；Alt+↓/↑ 换单位。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="69"/>
        <source>提交本列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="69"/>
        <source>提交（锁定）当前列专家对本单位的评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="70"/>
        <source>全部提交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="70"/>
        <source>提交所有已评完的专家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="71"/>
        <source>撤回…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="71"/>
        <source>撤回当前列专家的提交（需填写原因）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="72"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="73"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="74"/>
        <source>审计日志…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="74"/>
        <source>提交后的每次修改与导入替换</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="75"/>
        <source>导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="76"/>
        <source>从 CSV 或 XLSX 导入评分或外部得分；有任何错误行则整个文件不导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="78"/>
        <source>导入评分（专家、单位、指标、得分）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="79"/>
        <source>导入外部得分（单位、项目、得分）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="147"/>
        <source>参评单位（评分完成情况）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="168"/>
        <source>外部得分（本单位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="234"/>
        <source>表格文件 (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="241"/>
        <source>导入评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="241"/>
        <source>导入外部得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="274"/>
        <source>请先选择参评单位。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="286"/>
        <source>修改已提交的评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="287"/>
        <source>{0} 对本单位的评分已提交。请填写修改“{1}”的原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="289"/>
        <source>已提交的评分未修改：修改需要填写原因。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="309"/>
        <source>已保存：{0} / {1} = {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="311"/>
        <source>。{0} 已评完全部指标，可“提交本列专家”锁定。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="323"/>
        <source>外部得分已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="341"/>
        <source>没有已评完待提交的专家。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="355"/>
        <source>已提交（锁定）{0} 位专家的评分。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="361"/>
        <source>请先选中一位已提交的专家。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="363"/>
        <source>撤回提交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="363"/>
        <source>请填写撤回提交的原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="373"/>
        <source>已撤回提交。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/scoring/panel.py" line="386"/>
        <source>（本场还没有参评单位）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <location filename="../../ui/history/window.py" line="246"/>
        <source>检索提问、答复、整改要求、会议小结（如：执法、行政执法、出庭 应诉率）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="249"/>
        <source>检索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="269"/>
        <source>双击一条结果：打开该单位的档案（会议小结则转到该场评议会）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="274"/>
        <source>找到 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionListPanel</name>
    <message>
        <location filename="../../ui/session_list.py" line="95"/>
        <source>评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="102"/>
        <source>新建评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="103"/>
        <source>以选中的评议会为模板新建（单位、专家、细则、回避）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="104"/>
        <source>删除选中的评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="164"/>
        <source>以此为模板新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="164"/>
        <source>新评议会的名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="165"/>
        <source>（副本）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="181"/>
        <source>删除评议会“%1”？其单位、专家、评分和提问记录将一并删除，且不能撤销。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_list.py" line="182"/>
        <source>删除评议会</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../../ui/models/sessions_model.py" line="54"/>
        <source>未定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/sessions_model.py" line="58"/>
        <source>%1（%2 个单位，%3 位专家）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../ui/history/window.py" line="58"/>
        <source>会议名称、地点或主办单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="61"/>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="61"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="61"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="82"/>
        <source>打开（只读）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="83"/>
        <source>封盘…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="84"/>
        <source>重新打开…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="85"/>
        <source>更正评分…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="86"/>
        <source>从提问生成整改事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="87"/>
        <source>导出评议会包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="100"/>
        <source>评议结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="124"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="133"/>
        <source>共 %1 场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="162"/>
        <source>没有符合条件的评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="171"/>
        <source>日期：%1&#x3000;地点：%2
状态：%3&#x3000;指纹：%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="190"/>
        <source>封盘后，“%1”的评分、提问和会议信息都不能再直接修改；确需更正时须填写原因并留下记录。确定封盘吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="192"/>
        <source>封盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="200"/>
        <source>重新打开评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="200"/>
        <source>重新打开已结束的评议会需要填写原因（记入审计日志）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="213"/>
        <source>已更正并记入审计日志；指纹 %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="224"/>
        <source>已生成 %1 项整改事项（已有的不重复生成）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="232"/>
        <source>导出评议会包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="237"/>
        <source>评议会包已导出：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <location filename="../../ui/setup/view.py" line="54"/>
        <source>会议信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/view.py" line="55"/>
        <source>参评单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/view.py" line="56"/>
        <source>评议专家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/view.py" line="57"/>
        <source>评分细则与计时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/view.py" line="58"/>
        <source>回避</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/view.py" line="85"/>
        <source>已按抽签结果排序（种子 %1）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/view.py" line="110"/>
        <source>本场评议会已封盘，所有内容只读。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/view.py" line="112"/>
        <source>本场评议会已结束，筹备信息只读。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/view.py" line="114"/>
        <source>本场评议会正在进行：修改单位或专家会影响现场评议，请谨慎。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/main_window.py" line="43"/>
        <source>快捷键一览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>快捷键</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="50"/>
        <source>载入所选模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="52"/>
        <source>从文件导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="54"/>
        <source>导出为文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="56"/>
        <source>另存到模板库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="59"/>
        <source>模板库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="69"/>
        <source>评分指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="69"/>
        <source>满分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="69"/>
        <source>评分说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="81"/>
        <source>添加一级指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="82"/>
        <source>为选中指标添加下级指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="83"/>
        <source>删除选中指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="84"/>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="85"/>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="93"/>
        <source>模板名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="101"/>
        <source>算术平均</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="102"/>
        <source>去掉一个最高分和一个最低分后平均（5 人及以上）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="104"/>
        <source>组成部分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="104"/>
        <source>权重</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="104"/>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="105"/>
        <location filename="../../ui/setup/template_editor.py" line="124"/>
        <source>等次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="105"/>
        <source>最低分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="112"/>
        <source>汇报时长（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="113"/>
        <source>问答时长（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="114"/>
        <source>提前提醒（分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="118"/>
        <source>汇总方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="120"/>
        <source>组成部分与权重（不填则专家评分占 100%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="128"/>
        <source>计时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="140"/>
        <source>保存到本场评议会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="142"/>
        <source>放弃修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="172"/>
        <source>添加一行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="174"/>
        <source>删除选中行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="202"/>
        <source>专家评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="203"/>
        <source>外部录入（如社会评议）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="212"/>
        <source>有未保存的修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="218"/>
        <location filename="../../ui/setup/template_editor.py" line="483"/>
        <source>（自定义）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="227"/>
        <source>本场已有评分：评分指标和满分不能再改，等次、计时和说明仍可修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="275"/>
        <source>新指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="284"/>
        <source>新下级指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="334"/>
        <source>合计 %1 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="336"/>
        <source>&#x3000;（%1 个末级指标缺少正数满分）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="339"/>
        <source>&#x3000;（结果将折算为百分制）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="351"/>
        <source>末级指标必须有一个正数满分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="405"/>
        <location filename="../../ui/setup/template_editor.py" line="477"/>
        <source>评分细则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="420"/>
        <source>评分细则已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="435"/>
        <source>导入评分模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="435"/>
        <location filename="../../ui/setup/template_editor.py" line="456"/>
        <source>模板 (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="455"/>
        <source>导出评分模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="463"/>
        <source>无法写入 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="466"/>
        <source>已导出到 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="471"/>
        <source>另存到模板库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="471"/>
        <source>模板名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="471"/>
        <source>（修订）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/template_editor.py" line="485"/>
        <source>已存入模板库：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitsPanel</name>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="177"/>
        <source>新参评单位名称，回车添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="181"/>
        <source>抽签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/setup/roster_panel.py" line="183"/>
        <source>抽签决定出场顺序</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="94"/>
        <source>无法打开数据库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="116"/>
        <source>恢复最近的完好快照</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
