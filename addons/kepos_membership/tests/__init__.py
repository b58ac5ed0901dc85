from . import test_subscription
from . import test_operation
from . import test_register
from . import test_access
from . import test_reports
from . import test_onboarding
from . import test_multicompany
from . import test_dashboard
