# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class KeposCollege(models.Model):
    """A voting college of the general assembly. The statutes give each
    college a weight: between 10 % and 50 %, all together 100 %, so that no
    college alone holds the majority (loi n° 47-1775, art. 19 octies)."""
    _name = 'kepos.college'
    _description = 'Voting college'
    _order = 'sequence, id'
    _kepos_client_fields = dict.fromkeys(
        ('name', 'code', 'sequence', 'weight', 'active', 'category_ids'),
        'manager')

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(
        string='Weight (%)',
        help='Share of the votes of the general assembly given to this '
             'college by the statutes.',
    )
    active = fields.Boolean(default=True)
    category_ids = fields.One2many(
        'kepos.member.category', 'college_id', string='Categories')

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The code of a college must be unique.'),
        ('weight_range', 'check(weight >= 0 and weight <= 100)',
         'The weight of a college is a percentage between 0 and 100.'),
    ]

    @api.constrains('weight', 'active')
    def _check_weight(self):
        # Member companies hold no assemblies: the cooperative's setting.
        if not self.env['res.company'].sudo().search_count(
                [('kepos_vote_by_college', '=', True),
                 ('kepos_member_company', '=', False)]):
            return
        for college in self.filtered('active'):
            if not 10 <= college.weight <= 50:
                raise ValidationError(_(
                    'The college %s weighs %s %%: with voting colleges, each '
                    'college weighs between 10 %% and 50 %%.') % (
                        college.name, college.weight))

    def _check_weights_of_statutes(self):
        """The whole set of active colleges (``self``) must add up to 100 %.
        Checked when an assembly is convened or the setting enabled rather
        than on each college: the board rebalances the weights one line at
        a time."""
        self._check_weight()
        total = sum(self.filtered('active').mapped('weight'))
        if float_compare(total, 100.0, precision_digits=2):
            raise ValidationError(_(
                'The weights of the voting colleges add up to %s %%, not '
                '100 %%.') % round(total, 2))
