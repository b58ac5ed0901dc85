from . import synergy_balance_report
