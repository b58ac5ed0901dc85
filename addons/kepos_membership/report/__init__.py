from . import assembly_minutes
