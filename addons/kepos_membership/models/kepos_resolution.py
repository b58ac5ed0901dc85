# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.guard import kepos_action
from ..lib.guard import without_defaults
from .kepos_vote import VOTE_CHOICES
from .kepos_vote_result import CollegeCount, weighted_result

_RESULT_FIELDS = {'result_line_ids', 'yes_percent', 'result', 'renormalised'}


class KeposResolution(models.Model):
    """A resolution on the agenda of an assembly. Its result is computed
    when the assembly closes and kept as it was (``result_line_ids``)."""
    _name = 'kepos.resolution'
    _description = 'Resolution'
    _order = 'assembly_id, sequence, id'

    # The staff write the agenda; results are computed at the close, votes
    # are cast through kepos.vote (staff record paper ballots here).
    _kepos_client_fields = {
        'assembly_id': 'staff:create', 'sequence': 'staff', 'name': 'staff',
        'text': 'staff', 'majority': 'staff', 'vote_ids': 'staff',
    }

    assembly_id = fields.Many2one(
        'kepos.assembly', string='Assembly', required=True,
        ondelete='cascade', index=True)
    assembly_state = fields.Selection(
        related='assembly_id.state', string='Assembly status', readonly=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string='Title', required=True)
    text = fields.Text(string='Text of the resolution')
    majority = fields.Selection(
        [('ordinary', 'Ordinary (more than half)'),
         ('extraordinary', 'Extraordinary (two thirds)')],
        required=True, default='ordinary')
    vote_ids = fields.One2many(
        'kepos.vote', 'resolution_id', string='Votes', copy=False)
    vote_count = fields.Integer(
        string='Votes cast', compute='_compute_vote_count')
    result_line_ids = fields.One2many(
        'kepos.resolution.result', 'resolution_id', string='Results',
        readonly=True, copy=False)
    yes_percent = fields.Float(
        string='Yes (% weighted)', digits=(16, 2), readonly=True, copy=False)
    result = fields.Selection(
        [('pending', 'Pending'),
         ('adopted', 'Adopted'),
         ('rejected', 'Not adopted')],
        default='pending', required=True, readonly=True, copy=False)
    renormalised = fields.Boolean(
        string='Weights re-normalised', readonly=True, copy=False,
        help='A college expressed no vote: the weights of the others were '
             'scaled back to 100 %.')
    # Not a related field: those are read as superuser, who is no member.
    my_vote_id = fields.Many2one(
        'kepos.vote', compute='_compute_my_vote_id')
    my_choice = fields.Selection(
        VOTE_CHOICES, string='My vote', compute='_compute_my_vote_id')

    @api.constrains('majority', 'assembly_id')
    def _check_majority(self):
        for resolution in self:
            if resolution.majority == 'extraordinary' and \
                    resolution.assembly_id.assembly_type == 'ordinary':
                raise ValidationError(_(
                    'An ordinary assembly cannot vote the extraordinary '
                    'resolution %s.') % resolution.name)

    @api.model
    def create(self, vals):
        resolution = super(KeposResolution, self).create(vals)
        resolution._check_agenda(('draft', 'convened'))
        return resolution

    @api.multi
    def write(self, vals):
        # Votes check the state of the vote themselves (kepos.vote).
        if set(vals) <= {'vote_ids'}:
            pass
        # Results are written as the vote closes; then nothing changes.
        elif set(vals) <= _RESULT_FIELDS:
            self._check_agenda(('open',))
        else:
            self._check_agenda(('draft', 'convened'))
        return super(KeposResolution, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_agenda(('draft', 'convened'))
        return super(KeposResolution, self).unlink()

    def _check_agenda(self, states):
        if self.filtered(lambda r: r.assembly_state not in states):
            raise UserError(_(
                'The agenda of an assembly is fixed once the vote is open, '
                'and its resolutions once it is closed.'))

    @api.depends('vote_ids')
    def _compute_vote_count(self):
        for resolution in self:
            # Members read only their own votes; the count is everyone's.
            resolution.vote_count = len(resolution.sudo().vote_ids)

    def _compute_my_vote_id(self):
        member = self.env.user.kepos_member_id
        for resolution in self:
            vote = resolution.vote_ids.filtered(
                lambda v: v.partner_id == member)[:1]
            resolution.my_vote_id = vote
            resolution.my_choice = vote.choice

    def _college_counts(self):
        """Votes per college, or in one college of weight 100 when one
        member is one vote."""
        self.ensure_one()
        by_college = self.assembly_id.vote_by_college
        if by_college:
            weights = {c.id: c.weight
                       for c in self.env['kepos.college'].search([])}
        else:
            weights = {False: 100.0}
        counts = {key: Counter() for key in weights}
        for vote in self.vote_ids:
            key = vote.college_id.id if by_college else False
            if key not in counts:
                raise UserError(_(
                    '%s voted without an active voting college: give it a '
                    'member category first.') % vote.partner_id.name)
            counts[key][vote.choice] += 1
        return [CollegeCount(key, weight, counts[key]['yes'],
                             counts[key]['no'], counts[key]['abstain'])
                for key, weight in weights.items()]

    def _freeze_results(self):
        """Called by kepos.assembly.action_close, which checked the board
        closes an open vote."""
        Result = without_defaults(self.env['kepos.resolution.result'])
        for resolution in self:
            result = weighted_result(resolution._college_counts(),
                                     resolution.majority)
            resolution.result_line_ids.unlink()
            for figure in result.colleges:
                Result._kepos_server_create({
                    'resolution_id': resolution.id,
                    'college_id': figure.key,
                    'weight': float(figure.weight),
                    'effective_weight': float(figure.effective_weight),
                    'yes_count': figure.yes,
                    'no_count': figure.no,
                    'abstain_count': figure.abstain,
                    'yes_percent': float(figure.yes_share),
                    'contribution': float(figure.contribution),
                })
            resolution._kepos_server_write({
                'yes_percent': float(result.total),
                'result': 'adopted' if result.adopted else 'rejected',
                'renormalised': result.renormalised,
            })

    def _cast(self, choice):
        """The user's own vote, for the member it acts for (kepos.vote
        checks the vote is open and the member present or represented)."""
        member = self.env.user.kepos_member_id
        for resolution in self:
            if resolution.my_vote_id:
                resolution.my_vote_id.write({'choice': choice})
            else:
                self.env['kepos.vote'].create({
                    'resolution_id': resolution.id,
                    'partner_id': member.id,
                    'choice': choice,
                })
        return True

    @api.multi
    @kepos_action(role='member', access='read')
    def action_vote_yes(self):
        return self._cast('yes')

    @api.multi
    @kepos_action(role='member', access='read')
    def action_vote_no(self):
        return self._cast('no')

    @api.multi
    @kepos_action(role='member', access='read')
    def action_vote_abstain(self):
        return self._cast('abstain')
