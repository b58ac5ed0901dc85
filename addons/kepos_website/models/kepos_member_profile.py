# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposMemberProfile(models.Model):
    """The member decides whether its profile is shown on the public site;
    only these fields and the company's public ones are ever shown."""
    _inherit = 'kepos.member.profile'

    # The member edits its own profile (the directory's record rules).
    _kepos_client_fields = {
        'kepos_website_published': 'member',
        'kepos_website_district': 'member',
        'kepos_website_keywords': 'member',
    }

    kepos_website_published = fields.Boolean(
        string='Shown on the public site', index=True,
        help='The profile (logo, activity, sector, district, keywords, '
             'website, what the member offers) appears in the public '
             'members directory. Nothing else about the member does.')
    kepos_website_district = fields.Char(string='District')
    kepos_website_keywords = fields.Char(
        string='Keywords', help='Separated by commas; visitors search them.')
