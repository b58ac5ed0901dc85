from . import training_certificate
from . import b2b_reports
