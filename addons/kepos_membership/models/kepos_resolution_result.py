# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class KeposResolutionResult(models.Model):
    """The figures of one college for one resolution, as computed when the
    assembly closed (kepos_vote_result.weighted_result)."""
    _name = 'kepos.resolution.result'
    _description = 'Result of a resolution in a college'
    _order = 'resolution_id, id'
    # Written when the assembly closes (kepos.resolution._freeze_results).
    _kepos_client_fields = {}

    resolution_id = fields.Many2one(
        'kepos.resolution', string='Resolution', required=True,
        ondelete='cascade', index=True)
    college_id = fields.Many2one(
        'kepos.college', string='College', ondelete='restrict',
        help='Empty when one member is one vote.')
    weight = fields.Float(string='Weight (%)', digits=(16, 2))
    effective_weight = fields.Float(
        string='Weight applied (%)', digits=(16, 2),
        help='The weight once re-normalised over the colleges that voted.')
    yes_count = fields.Integer(string='Yes')
    no_count = fields.Integer(string='No')
    abstain_count = fields.Integer(string='Abstentions')
    yes_percent = fields.Float(string='Yes (% expressed)', digits=(16, 2))
    contribution = fields.Float(string='Weighted yes (%)', digits=(16, 2))

    @api.multi
    def unlink(self):
        # Replaced only while the vote closes; then they are the record.
        if self.filtered(lambda r: r.resolution_id.assembly_state != 'open'):
            raise UserError(_(
                'The results of a resolution are kept as they were when '
                'the vote closed.'))
        return super(KeposResolutionResult, self).unlink()
