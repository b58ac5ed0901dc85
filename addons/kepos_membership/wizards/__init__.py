from . import kepos_new_member_wizard
from . import kepos_register_report_wizard
