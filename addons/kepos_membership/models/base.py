# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math
from datetime import date

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import ValidationError

# PostgreSQL's int4: integer columns and record ids.
INT_MAX = 2 ** 31 - 1
IGNORED_BY_ORM = set(models.MAGIC_COLUMNS) | {
    models.BaseModel.CONCURRENCY_CHECK_FIELD, 'parent_left', 'parent_right'}


class Base(models.AbstractModel):
    """Values given to the create and write of the Kèpos models are checked
    against their fields' types before the ORM converts them: a JSON-RPC
    client sending a word for a number, an unknown choice or a missing record
    gets a translated error, not a traceback nor a database error."""
    _inherit = 'base'

    @api.model
    def create(self, vals):
        if self._name.startswith('kepos.'):
            self._kepos_check_values(vals)
        return super(Base, self).create(vals)

    @api.multi
    def write(self, vals):
        if self._name.startswith('kepos.'):
            self._kepos_check_values(vals)
        return super(Base, self).write(vals)

    @api.model
    def _kepos_check_values(self, vals):
        """Raise a ValidationError on the first value of `vals` that the
        fields cannot take. Models whose create or write use the values
        before calling super() call it first."""
        for name, value in vals.items():
            # The ORM drops these itself; the web client sends __last_update.
            if name in IGNORED_BY_ORM:
                continue
            field = self._fields.get(name)
            if field is None:
                raise ValidationError(_('The field %s does not exist.') % name)
            # Only the ORM computes these; the superuser's data files may
            # still give them, e.g. to load history.
            if field.compute and not field.inverse and self.env.uid != SUPERUSER_ID:
                raise ValidationError(_('The field "%s" is computed: it cannot '
                                        'be set.') % self._kepos_label(field))
            if value is False or value is None or self._kepos_valid_value(field, value):
                continue
            raise ValidationError(_('Wrong value for the field "%s": %s.')
                                  % (self._kepos_label(field), repr(value)[:60]))

    def _kepos_label(self, field):
        return self.env['ir.translation'].get_field_string(self._name).get(
            field.name, field.string)

    def _kepos_valid_value(self, field, value):
        kind = field.type
        if kind == 'integer':
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            return isinstance(value, int) and -INT_MAX <= value <= INT_MAX
        if kind in ('float', 'monetary'):
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not math.isfinite(value):
                return False
            digits = field.digits if kind == 'float' else None
            return not digits or abs(value) < 10 ** (digits[0] - digits[1])
        if kind == 'many2one':
            if isinstance(value, models.BaseModel):
                return True
            return isinstance(value, int) and not isinstance(value, bool) \
                and 0 < value <= INT_MAX \
                and bool(self.env[field.comodel_name].browse(value).exists())
        if kind == 'selection':
            return value in field.get_values(self.env)
        if kind in ('date', 'datetime'):
            return self._kepos_valid_date(field, value)
        if kind in ('char', 'text', 'html'):
            return isinstance(value, str)
        if kind in ('one2many', 'many2many'):
            return isinstance(value, (list, tuple, models.BaseModel))
        return True

    @staticmethod
    def _kepos_valid_date(field, value):
        if isinstance(value, date):
            return True
        if not isinstance(value, str):
            return False
        try:
            (fields.Date if field.type == 'date' else fields.Datetime).from_string(value)
        except ValueError:
            return False
        return True
