from . import synergy_balance_wizard
from . import barter_invoice_pay
from . import barter_statement
