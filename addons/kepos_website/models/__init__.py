# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import kepos_website_throttle
from . import kepos_website_form
from . import kepos_qpv_district
from . import kepos_member_profile
from . import product_template
from . import kepos_joint_offer
from . import document_page
from . import crm_lead
from . import kepos_territorial_need
from . import kepos_website_public
from . import website
from . import event_registration
