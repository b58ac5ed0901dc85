# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib.server_values import checked_creator

VOTE_CHOICES = [('yes', 'Yes'), ('no', 'No'), ('abstain', 'Abstain')]


class KeposVote(models.Model):
    """The vote of one member on one resolution: cast by the member present
    itself, by the member holding its proxy, or recorded by the staff from
    a paper ballot. Only while the vote of the assembly is open."""
    _name = 'kepos.vote'
    _description = 'Vote'
    _order = 'resolution_id, college_id, partner_id'
    _rec_name = 'partner_id'

    # A member casts its own vote and those it holds proxies for; the
    # attendance decides the rest.
    _kepos_client_fields = {
        'resolution_id': 'member:create', 'partner_id': 'member:create',
        'choice': 'member',
    }

    resolution_id = fields.Many2one(
        'kepos.resolution', string='Resolution', required=True,
        ondelete='cascade', index=True)
    assembly_id = fields.Many2one(
        related='resolution_id.assembly_id', string='Assembly', store=True,
        readonly=True)
    assembly_state = fields.Selection(
        related='resolution_id.assembly_id.state', string='Assembly status',
        readonly=True)
    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, ondelete='restrict',
        index=True)
    choice = fields.Selection(VOTE_CHOICES, required=True)
    # Set once from the attendance list when the vote is cast: the record
    # rules read them, so they exist from the insert on.
    attendance_id = fields.Many2one(
        'kepos.assembly.attendance', string='Attendance', readonly=True)
    college_id = fields.Many2one(
        'kepos.college', string='College', readonly=True)
    cast_by_id = fields.Many2one(
        'res.partner', string='Cast by', readonly=True, index=True,
        help='The member present who casts this vote: the member itself or '
             'the holder of its proxy.')
    via_proxy = fields.Boolean(string='By proxy', readonly=True)

    _sql_constraints = [
        ('one_vote', 'unique(resolution_id, partner_id)',
         'A member votes once on a resolution.'),
    ]

    @api.model
    def _attendance_values(self, resolution, partner):
        line = resolution.assembly_id.attendance_ids.filtered(
            lambda l: l.partner_id == partner)
        via_proxy = line.status == 'represented'
        return {
            'attendance_id': line.id,
            'college_id': line.college_id.id,
            'via_proxy': via_proxy,
            'cast_by_id': (line.proxy_id if via_proxy else partner).id,
        }

    @api.constrains('partner_id', 'resolution_id')
    def _check_voter(self):
        # Before the record rules say whether the user may cast it at all.
        for vote in self.sudo():
            if vote.attendance_id.status not in ('present', 'represented'):
                raise ValidationError(_(
                    '%s is neither present nor represented at %s: it cannot '
                    'vote.') % (vote.partner_id.name, vote.assembly_id.name))

    @api.model
    def _check_open(self, resolutions):
        if resolutions.filtered(lambda r: r.assembly_state != 'open'):
            raise UserError(_(
                'Votes are cast only while the vote of the assembly is '
                'open; after it closes they no longer change.'))

    @api.model
    def create(self, vals):
        # The values are read below, before the ORM sees them.
        self._kepos_check_values(vals)
        creator = checked_creator(self, vals)
        resolution = self.env['kepos.resolution'].browse(
            vals.get('resolution_id'))
        self._check_open(resolution)
        partner = self.env['res.partner'].browse(vals.get('partner_id'))
        values = self._attendance_values(resolution, partner)
        self._check_voter_is_user(values['cast_by_id'])
        # Only now, for a vote the user may cast, say whether it exists.
        self._check_not_voted(resolution, partner)
        vals = dict(vals, **values)
        return super(KeposVote, creator).create(vals).with_env(self.env)

    @api.model
    def _check_voter_is_user(self, cast_by_id):
        """A member casts the vote of its own member company or of a member
        it holds the proxy of; the staff record paper ballots. One message
        for every other case, so that it tells nothing of other members."""
        if self._kepos_has_role('staff'):
            return
        if not cast_by_id or cast_by_id != self.env.user.kepos_member_id.id:
            raise AccessError(_(
                'You may cast only your own vote, or the votes of the '
                'members whose proxy you hold.'))

    @api.model
    def _check_not_voted(self, resolution, partner):
        # The unique constraint stays the guarantee under concurrency; this
        # gives the same message without a failed insert in the log. The
        # caller checked the user may cast this vote.
        if partner and self.sudo().search_count([
                ('resolution_id', '=', resolution.id),
                ('partner_id', '=', partner.id)]):
            raise ValidationError(_('A member votes once on a resolution.'))

    @api.multi
    def write(self, vals):
        self._check_open(self.mapped('resolution_id'))
        if set(vals) - {'choice'}:
            raise UserError(_('Only the choice of a vote can change.'))
        return super(KeposVote, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_open(self.mapped('resolution_id'))
        return super(KeposVote, self).unlink()
