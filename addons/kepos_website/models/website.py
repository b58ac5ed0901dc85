# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class Website(models.Model):
    _inherit = 'website'

    @api.model
    def _kepos_french_default(self):
        """The site speaks French first, English second (called at install:
        the language is activated if the database lacks it)."""
        Lang = self.env['res.lang'].with_context(active_test=False)
        french = Lang.search([('code', '=', 'fr_FR')])
        if not french.active:
            french = Lang.browse(Lang.load_lang('fr_FR'))
        english = Lang.search([('code', '=', 'en_US')])
        for website in self.search([]):
            website.write({
                'name': 'Kèpos',
                'language_ids': [(6, 0, (french | english).ids)],
                'default_lang_id': french.id,
            })
