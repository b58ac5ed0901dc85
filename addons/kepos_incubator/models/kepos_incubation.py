# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action

from .kepos_incubation_stage import STAGE_RANK
from .kepos_study_score import MAX_SCORE
from .kepos_territorial_need import NEED_THEMES

# Fields a stage gate looks at: changing one re-checks the gate of the
# current stage, so a launched project cannot lose its entrepreneur later.
GATE_FIELDS = {'stage_id', 'entrepreneur_ids', 'launch_date', 'legal_form',
               'abandon_reason'}

LEGAL_FORMS = [
    ('scic', 'SCIC'),
    ('scop', 'SCOP'),
    ('sas', 'SAS'),
    ('sarl', 'SARL'),
    ('association', 'Association'),
    ('ei', 'Sole proprietorship'),
    ('other', 'Other'),
]


class KeposIncubation(models.Model):
    """An idea that the Serre à projets takes from need to launched company."""
    _name = 'kepos.incubation'
    _description = 'Incubated project'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'priority desc, sequence, id desc'

    # Members read the projects of public stages; the team runs the
    # pipeline (the stage gates hold on every write of the stage). The
    # coaching plan and the committee decisions are the server's.
    _kepos_client_fields = {
        name: 'staff' for name in (
            'name', 'sequence', 'active', 'description', 'stage_id',
            'idea_date', 'priority', 'tag_ids', 'theme_ids', 'color',
            'user_id', 'programme_id', 'cohort_id', 'theme', 'city', 'qpv',
            'need_ids', 'reference_ids', 'actor_ids', 'score_ids',
            'study_comment', 'entrepreneur_ids', 'coach_ids', 'mentor_ids',
            'launch_date', 'legal_form', 'company_partner_id', 'jobs_fte',
            'abandon_reason', 'grant_ids')}

    def _default_stage_id(self):
        return self.env['kepos.incubation.stage'].search(
            [('kind', '=', 'idea')], limit=1)

    name = fields.Char(required=True, track_visibility='onchange')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Html()
    stage_id = fields.Many2one(
        'kepos.incubation.stage', string='Stage', required=True,
        index=True, ondelete='restrict', default=_default_stage_id,
        group_expand='_read_group_stage_ids', track_visibility='onchange',
        copy=False)
    stage_kind = fields.Selection(related='stage_id.kind', store=True,
                                  readonly=True, string='Step')
    idea_date = fields.Date(required=True, default=fields.Date.context_today,
                            help='When the idea entered the pipeline.')
    priority = fields.Selection([('0', 'Normal'), ('1', 'High')],
                                default='0')
    tag_ids = fields.Many2many('kepos.incubation.tag', string='Tags')
    theme_ids = fields.Many2many(
        'kepos.theme', string='Themes',
        help='Funding calls on these themes are suggested for the project.')
    color = fields.Integer()
    user_id = fields.Many2one('res.users', string='Project officer',
                              default=lambda self: self.env.user,
                              track_visibility='onchange')
    programme_id = fields.Many2one('kepos.programme', ondelete='restrict',
                                   track_visibility='onchange')
    cohort_id = fields.Many2one('kepos.cohort', ondelete='restrict',
                                track_visibility='onchange')
    theme = fields.Selection(NEED_THEMES)
    city = fields.Char(string='Commune', default='Nancy')
    qpv = fields.Boolean(string='Priority district (QPV)')
    need_ids = fields.Many2many(
        'kepos.territorial.need', 'kepos_incubation_need_rel',
        'incubation_id', 'need_id', string='Territorial needs')
    reference_ids = fields.Many2many(
        'kepos.reference.initiative', 'kepos_incubation_reference_rel',
        'incubation_id', 'reference_id', string='Similar initiatives')
    actor_ids = fields.Many2many(
        'res.partner', 'kepos_incubation_actor_rel', 'incubation_id',
        'partner_id', string='Territorial actors involved')

    # Opportunity study
    score_ids = fields.One2many(
        'kepos.study.score', 'incubation_id', string='Study scores',
        groups='kepos_membership.group_kepos_staff')
    study_score = fields.Float(
        compute='_compute_study_score', store=True, group_operator='avg',
        string='Study score (/100)',
        groups='kepos_membership.group_kepos_staff')
    study_comment = fields.Html(string='Study conclusions',
                                groups='kepos_membership.group_kepos_staff')

    # Commitment committee
    decision_ids = fields.One2many(
        'kepos.committee.decision', 'incubation_id',
        string='Committee decisions',
        groups='kepos_membership.group_kepos_staff')
    last_decision = fields.Selection(
        [('go', 'Go'), ('no_go', 'No go'), ('postpone', 'Postponed')],
        compute='_compute_last_decision', string='Last committee decision',
        groups='kepos_membership.group_kepos_staff')

    # Incubation
    entrepreneur_ids = fields.Many2many(
        'res.partner', 'kepos_incubation_entrepreneur_rel', 'incubation_id',
        'partner_id', string='Entrepreneurs',
        help='The project holders (porteurs de projet) Kèpos coaches.',
        track_visibility='onchange')
    coach_ids = fields.Many2many('res.users', string='Coaches')
    mentor_ids = fields.Many2many(
        'res.partner', 'kepos_incubation_mentor_rel', 'incubation_id',
        'partner_id', string='Mentors',
        help='Volunteer mentors from outside the Kèpos team.')
    project_id = fields.Many2one('project.project', string='Coaching plan',
                                 copy=False, ondelete='restrict')
    coaching_hours = fields.Float(compute='_compute_coaching_hours',
                                  string='Coaching hours')

    # Launch or abandonment
    launch_date = fields.Date(track_visibility='onchange', copy=False)
    legal_form = fields.Selection(LEGAL_FORMS, track_visibility='onchange')
    company_partner_id = fields.Many2one(
        'res.partner', string='Created company', copy=False,
        track_visibility='onchange')
    jobs_fte = fields.Float(string='Jobs created (FTE)', copy=False,
                            track_visibility='onchange')
    abandon_reason = fields.Text(string='Reason for abandonment',
                                 copy=False)

    grant_ids = fields.One2many('kepos.grant', 'incubation_id',
                                string='Grants',
                                groups='kepos_membership.group_kepos_staff')

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        return stages.search([], order=order)

    @api.depends('score_ids.score', 'score_ids.weight')
    def _compute_study_score(self):
        for project in self:
            scores = project.score_ids
            total_weight = sum(scores.mapped('weight'))
            if not total_weight:
                project.study_score = 0.0
                continue
            weighted = sum(s.score * s.weight for s in scores)
            project.study_score = 100.0 * weighted / (MAX_SCORE * total_weight)

    @api.depends('decision_ids.decision', 'decision_ids.committee_id.state')
    def _compute_last_decision(self):
        # Read as superuser (the committee's rules are the staff's), only
        # for the staff: the field is theirs (groups=).
        self.update({'last_decision': False})
        for project in self._kepos_readable():
            project.last_decision = project.sudo()._last_decision().decision

    def _last_decision(self):
        """The decision of the latest committee held on this project."""
        return self.env['kepos.committee.decision'].search([
            ('incubation_id', '=', self.id),
            ('committee_id.state', '=', 'held'),
        ], order='date desc, id desc', limit=1)

    def _kepos_readable(self):
        """The projects of self the user may read: the computed fields
        read as superuser show nothing of the others (a prefetch may hold
        projects the record rules hide)."""
        if self.env.uid == SUPERUSER_ID:
            return self
        if not self.check_access_rights('read', raise_exception=False):
            return self.browse()
        # Records of a form being edited (no id yet) are the user's own.
        new = self.filtered(lambda p: not isinstance(p.id, int))
        saved = (self - new).ids
        found = self.with_context(active_test=False).search(
            [('id', 'in', saved)]).with_env(self.env) if saved else self.browse()
        return found | new

    def _compute_coaching_hours(self):
        # Coaching plans are private to their followers: the hours are read
        # as superuser, for the projects the user may read only.
        plans = {p.id: p.project_id.id for p in self._kepos_readable()}
        hours = self.env['account.analytic.line'].sudo().read_group(
            [('project_id', 'in', [i for i in plans.values() if i])],
            ['project_id', 'unit_amount'], ['project_id'])
        by_plan = {h['project_id'][0]: h['unit_amount'] for h in hours}
        for project in self:
            project.coaching_hours = by_plan.get(plans.get(project.id), 0.0)

    @api.model
    def create(self, vals):
        project = super().create(vals)
        project._check_stage_gates()
        project._prepare_stage()
        return project

    def write(self, vals):
        if GATE_FIELDS & set(vals):
            # The gates look at the project as it will be, so check after
            # the write inside a savepoint: on refusal, nothing is changed.
            try:
                with self.env.cr.savepoint():
                    result = super().write(vals)
                    self._check_stage_gates()
            except Exception:
                self.invalidate_cache()
                raise
            self._prepare_stage()
        else:
            result = super().write(vals)
        if {'coach_ids', 'user_id'} & set(vals):
            self._subscribe_coaches()
        return result

    def _check_stage_gates(self):
        for project in self.sudo():
            kind = project.stage_id.kind
            rank = STAGE_RANK[kind]
            if kind == 'abandoned':
                if not project.abandon_reason:
                    raise UserError(_(
                        'Give the reason why "%s" is abandoned before '
                        'moving it to an abandonment stage.') % project.name)
                continue
            if rank >= STAGE_RANK['search']:
                if not project.score_ids:
                    raise UserError(_(
                        '"%s" cannot look for an entrepreneur before its '
                        'opportunity study is scored.') % project.name)
                if project._last_decision().decision != 'go':
                    raise UserError(_(
                        '"%s" cannot look for an entrepreneur without a '
                        '"go" decision of the commitment committee.')
                        % project.name)
            if rank >= STAGE_RANK['incubation'] and \
                    not project.entrepreneur_ids:
                raise UserError(_(
                    '"%s" cannot enter incubation without an entrepreneur.')
                    % project.name)
            if kind == 'launched' and not (
                    project.launch_date and project.legal_form):
                raise UserError(_(
                    'Set the launch date and the legal form of "%s" before '
                    'marking it as launched.') % project.name)

    def _prepare_stage(self):
        for project in self:
            if project.stage_id.kind == 'incubation' and not project.project_id:
                project._create_coaching_plan()

    def _create_coaching_plan(self):
        self.ensure_one()
        # Created as superuser: the staff running the pipeline need no
        # project manager rights; the caller passed the stage gate.
        project = self.env['project.project'].sudo().create({
            'name': _('Coaching: %s') % self.name,
            'kepos_incubation_id': self.id,
            'user_id': self.user_id.id,
            'privacy_visibility': 'followers',
            'allow_timesheets': True,
        })
        self._kepos_server_write({'project_id': project.id})
        self._subscribe_coaches()

    def _subscribe_coaches(self):
        """Coaching plans are private to their followers: the project
        officer and the coaches."""
        for project in self.filtered('project_id'):
            users = project.user_id | project.coach_ids
            project.project_id.sudo().message_subscribe(
                partner_ids=users.mapped('partner_id').ids)

    def _move_to(self, kind):
        stage = self.env['kepos.incubation.stage'].search(
            [('kind', '=', kind)], limit=1)
        if not stage:
            raise UserError(_('No pipeline stage is configured for this '
                              'step.'))
        self.write({'stage_id': stage.id})

    @api.multi
    @kepos_action(role='staff')
    def action_start_study(self):
        """Open the study: one score line per active criterion."""
        criteria = self.env['kepos.study.criterion'].search([])
        for project in self:
            missing = criteria - project.score_ids.mapped('criterion_id')
            project.write({'score_ids': [
                (0, 0, {'criterion_id': c.id, 'weight': c.weight})
                for c in missing]})
        self._move_to('study')

    @api.multi
    @kepos_action(role='staff')
    def action_search_entrepreneur(self):
        self._move_to('search')

    @api.multi
    @kepos_action(role='staff')
    def action_incubate(self):
        self._move_to('incubation')

    @api.multi
    @kepos_action(role='staff')
    def action_launch(self):
        self._move_to('launched')

    @api.multi
    @kepos_action(role='staff')
    def action_abandon(self):
        self._move_to('abandoned')

    @api.multi
    @kepos_action(role='staff')
    def action_create_company(self):
        """Record the company the project created, so it can join Kèpos."""
        for project in self:
            if project.company_partner_id:
                raise UserError(_('"%s" already has its company.')
                                % project.name)
            if project.stage_id.kind != 'launched':
                raise UserError(_('Only a launched project creates a '
                                  'company.'))
            project.company_partner_id = self.env['res.partner'].create({
                'name': project.name,
                'is_company': True,
                'city': project.city,
                'child_ids': [(4, p.id) for p in project.entrepreneur_ids
                              if not p.is_company and not p.parent_id],
            })

    @api.multi
    @kepos_action(role='staff', access='read')
    def action_open_coaching_plan(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': self.project_id.display_name,
            'res_model': 'project.project',
            'res_id': self.project_id.id,
            'view_mode': 'form',
        }
