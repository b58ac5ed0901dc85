from . import funder_report
from . import support_yearly_report
