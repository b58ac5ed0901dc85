# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


class KeposBarterDirectory(models.Model):
    """The public face of the barter accounts: who takes part, what they
    offer and whether they accept units now, without any balance."""
    _name = 'kepos.barter.directory'
    _description = 'Barter directory'
    _auto = False
    _order = 'name'

    # A database view: nobody writes it.
    _kepos_client_fields = {}

    partner_id = fields.Many2one('res.partner', string='Member',
                                 readonly=True)
    name = fields.Char(readonly=True)
    city = fields.Char(readonly=True)
    industry_id = fields.Many2one('res.partner.industry', string='Industry',
                                  readonly=True)
    offer_description = fields.Text(string='What we offer', readonly=True)
    accepts_barter = fields.Boolean(string='Accepts barter now',
                                    readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kepos_barter_directory AS
            SELECT a.id, a.partner_id, p.name, p.city, p.industry_id,
                   a.offer_description,
                   (a.accepts_barter AND a.state = 'active') AS accepts_barter
              FROM kepos_barter_account a
              JOIN res_partner p ON p.id = a.partner_id
             WHERE a.state IN ('active', 'suspended')
        """)
