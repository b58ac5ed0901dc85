from . import kepos_b2b_slot_wizard
