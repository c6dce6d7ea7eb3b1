"""示范创建 assessments (checklist sessions): indicator ratings with notes and evidence, the results
by the 90% rule, the candidates' steps from 自查自评 to 命名, and the records after naming.

A checklist session is an ordinary session whose template is a checklist
(:attr:`fazhi_desktop.template.Template.is_checklist`); its units are the candidates.
"""
from __future__ import annotations

RATINGS = {"met": "达标", "partial": "部分达标", "unmet": "未达标", "not_applicable": "不适用"}
