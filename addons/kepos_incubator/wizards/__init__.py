from . import kepos_funder_report_wizard
from . import support_yearly_wizard
