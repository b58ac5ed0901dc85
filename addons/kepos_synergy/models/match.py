# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models

from odoo.addons.kepos_membership.lib.guard import kepos_action

# Points of each part of the score; they add up to 100.
WEIGHT_CATEGORY = 30.0
WEIGHT_QUANTITY = 25.0
WEIGHT_DISTANCE = 25.0
WEIGHT_TIME = 10.0
WEIGHT_MODALITY = 10.0


class KeposMatch(models.Model):
    """A candidate offer for a published need, with the parts of its score.

    Rows are written by the matching engine (match_engine.py) in SQL; the
    only user changes are dismissing a match and turning it into a synergy.
    """
    _name = 'kepos.match'
    _description = 'Match between a need and an offer'
    _order = 'score desc, id'
    _inherit = ['kepos.workflow.mixin']
    _rec_name = 'offer_id'
    # Everything is the engine's; the two members concerned (or the staff)
    # move it with its buttons.
    _kepos_client_fields = {}
    # Written in bulk by the engine: no create/write columns, whose foreign
    # keys would be checked on every inserted row.
    _log_access = False

    # need_id is served by the (need_id, offer_id) unique index.
    need_id = fields.Many2one(
        'kepos.resource', string='Need', required=True, readonly=True,
        ondelete='cascade')
    offer_id = fields.Many2one(
        'kepos.resource', string='Offer', required=True, readonly=True,
        index=True, ondelete='cascade')
    need_partner_id = fields.Many2one(
        'res.partner', related='need_id.partner_id', string='Member in need',
        readonly=True)
    offer_partner_id = fields.Many2one(
        'res.partner', related='offer_id.partner_id',
        string='Offering member', readonly=True)
    category_id = fields.Many2one(
        'kepos.resource.category', related='need_id.category_id',
        readonly=True)
    offer_category_id = fields.Many2one(
        'kepos.resource.category', related='offer_id.category_id',
        string='Offer category', readonly=True)
    distance_km = fields.Float(string='Distance (km)', readonly=True,
                               digits=(16, 1))
    score_category = fields.Float(
        string='Category', readonly=True, digits=(16, 1),
        help='30 for the same category, 21 for a parent or sub-category, '
             '15 for a declared substitute.')
    score_quantity = fields.Float(
        string='Quantity', readonly=True, digits=(16, 1),
        help='Up to 25, in proportion of the need that the offer covers '
             '(0 when their units cannot be compared).')
    score_distance = fields.Float(
        string='Distance', readonly=True, digits=(16, 1),
        help='25 next door, down to 0 at the maximum distance of the '
             'category.')
    score_time = fields.Float(
        string='Time', readonly=True, digits=(16, 1),
        help='Up to 10, in proportion of the need\'s availability window '
             'that the offer\'s window covers.')
    score_modality = fields.Float(
        string='Modality', readonly=True, digits=(16, 1),
        help='10 for the same modality, 5 for a compatible one.')
    score = fields.Float(string='Score', readonly=True, digits=(16, 1),
                         group_operator='max')
    explanation = fields.Text(compute='_compute_explanation')
    state = fields.Selection(
        [('new', 'Proposed'),
         ('dismissed', 'Dismissed'),
         ('converted', 'Turned into a synergy')],
        required=True, default='new', readonly=True)
    synergy_id = fields.Many2one('kepos.synergy', readonly=True)

    _sql_constraints = [
        ('need_offer_unique', 'UNIQUE (need_id, offer_id)',
         'An offer matches a need only once.'),
    ]

    def _compute_explanation(self):
        for match in self:
            match.explanation = '\n'.join([
                _('Category: %.1f / %d') % (match.score_category,
                                            WEIGHT_CATEGORY),
                _('Quantity covered: %.1f / %d') % (match.score_quantity,
                                                    WEIGHT_QUANTITY),
                _('Distance (%.1f km): %.1f / %d') % (
                    match.distance_km, match.score_distance,
                    WEIGHT_DISTANCE),
                _('Availability overlap: %.1f / %d') % (match.score_time,
                                                        WEIGHT_TIME),
                _('Modality: %.1f / %d') % (match.score_modality,
                                            WEIGHT_MODALITY),
                _('Total: %.1f / 100') % match.score,
            ])

    @api.multi
    @kepos_action(role='member', states=['new'])
    def action_dismiss(self):
        self._kepos_server_write({'state': 'dismissed'})
        return True

    @api.multi
    @kepos_action(role='member', states=['dismissed'])
    def action_restore(self):
        self._kepos_server_write({'state': 'new'})
        return True

    @api.multi
    @kepos_action(role='member', states=['new'])
    def action_create_synergy(self):
        self.ensure_one()
        need, offer = self.need_id, self.offer_id
        quantity = offer.quantity
        if offer.uom_id.category_id == need.uom_id.category_id:
            quantity = min(quantity, need.uom_id._compute_quantity(
                need.quantity, offer.uom_id, round=False))
        # The match is the user's (checked above); the synergy links it,
        # which no client may set by hand.
        synergy = self.env['kepos.synergy']._kepos_server_create({
            'name': '%s → %s' % (offer.name, need.partner_id.name),
            'match_id': self.id,
            'supplier_id': offer.partner_id.id,
            'receiver_id': need.partner_id.id,
            'party_ids': [(6, 0, [offer.partner_id.id, need.partner_id.id])],
            'category_id': offer.category_id.id,
            'modality': offer.modality,
            'quantity': quantity,
            'uom_id': offer.uom_id.id,
            'price_unit': offer.price_unit,
            'co2e_factor': offer.co2e_factor,
            'distance_km': round(self.distance_km, 1),
            'date_start': need.date_start or offer.date_start,
            'date_end': need.date_end or offer.date_end,
        })
        self._kepos_server_write(
            {'state': 'converted', 'synergy_id': synergy.id})
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'kepos.synergy',
            'res_id': synergy.id,
            'view_mode': 'form',
        }
