from . import assembly_minutes
from . import share_register
