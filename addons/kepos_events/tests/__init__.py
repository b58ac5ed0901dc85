from . import test_b2b_scheduler
from . import test_b2b_fair
from . import test_training
from . import test_minutes
from . import test_assembly
from . import test_dashboard
from . import test_rpc_b2b
from . import test_rpc_training
