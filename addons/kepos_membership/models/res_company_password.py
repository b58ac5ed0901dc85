# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    """The password policy of OCA password_security, as Kèpos sets it:
    long passwords mixing kinds of characters, but no periodic expiry,
    which only makes users pick weaker passwords (NIST SP 800-63B)."""
    _inherit = 'res.company'

    password_expiration = fields.Integer(default=0)
