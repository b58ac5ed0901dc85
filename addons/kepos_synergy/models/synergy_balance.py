# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from .resource_category import RESOURCE_KINDS

# States whose synergy delivers, hence counts in the balance.
BALANCE_STATES = ('contracted', 'running', 'closed')


class KeposSynergyBalance(models.Model):
    """One row per synergy and party: each party carries an equal share of
    the synergy's balance, so that totals over members add up to the
    cooperative's total."""
    _name = 'kepos.synergy.balance'
    _description = 'Balance of the synergies'
    # A database view: nothing to write, its state is the synergy's.
    _inherit = ['kepos.workflow.mixin']
    _kepos_client_fields = {}
    _auto = False
    _order = 'date desc'

    synergy_id = fields.Many2one('kepos.synergy', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Member',
                                 readonly=True)
    category_id = fields.Many2one('kepos.resource.category',
                                  string='Category', readonly=True)
    kind = fields.Selection(RESOURCE_KINDS, readonly=True)
    state = fields.Selection([
        ('contracted', 'Contracted'), ('running', 'Running'),
        ('closed', 'Closed')], readonly=True)
    date = fields.Date(readonly=True)
    money_saved = fields.Float(readonly=True)
    co2e_avoided = fields.Float(string='CO2e avoided (kg)', readonly=True)
    waste_diverted_kg = fields.Float(string='Waste diverted (kg)',
                                     readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kepos_synergy_balance AS (
                SELECT row_number() OVER (ORDER BY s.id, rel.partner_id) AS id,
                       s.id AS synergy_id, rel.partner_id, s.category_id,
                       s.kind, s.state,
                       COALESCE(s.date_start, s.create_date::date) AS date,
                       s.money_saved / s.party_count AS money_saved,
                       s.co2e_avoided / s.party_count AS co2e_avoided,
                       s.waste_diverted_kg / s.party_count
                           AS waste_diverted_kg
                FROM kepos_synergy s
                JOIN kepos_synergy_party_rel rel ON rel.synergy_id = s.id
                WHERE s.state IN %s AND s.party_count > 0
            )""", (BALANCE_STATES,))
