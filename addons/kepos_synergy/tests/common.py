# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase

# Around Quimper: far from the demo members of Nancy, so that the demo
# resources never take part in the matches of the tests.
BASE_LAT, BASE_LON = 48.0, -4.1
KM_LAT = 1 / 111.0  # degrees of latitude per km


class ResourceCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(ResourceCase, cls).setUpClass()
        Category = cls.env['kepos.resource.category']
        cls.kg = cls.env.ref('product.product_uom_kgm')
        cls.ton = cls.env.ref('product.product_uom_ton')
        cls.unit = cls.env.ref('product.product_uom_unit')
        cls.cat_organic = Category.create({
            'name': 'Test organic', 'kind': 'waste', 'uom_id': cls.kg.id,
            'max_radius_km': 30, 'co2e_factor': 0.4})
        cls.cat_coffee = Category.create({
            'name': 'Test coffee', 'kind': 'waste', 'uom_id': cls.kg.id,
            'parent_id': cls.cat_organic.id, 'max_radius_km': 30,
            'co2e_factor': 0.5})
        cls.cat_grain = Category.create({
            'name': 'Test grain', 'kind': 'waste', 'uom_id': cls.kg.id,
            'max_radius_km': 30})
        cls.cat_pallet = Category.create({
            'name': 'Test pallets', 'kind': 'material',
            'uom_id': cls.unit.id, 'max_radius_km': 30})
        cls.cat_coffee.substitute_ids = cls.cat_grain
        Partner = cls.env['res.partner']
        cls.farm = Partner.create({
            'name': 'Champignonnière de Test', 'is_company': True,
            'partner_latitude': BASE_LAT, 'partner_longitude': BASE_LON,
            'city': 'Quimper'})
        cls.cafe = Partner.create({
            'name': 'Café Proche', 'is_company': True,
            'partner_latitude': BASE_LAT + 2 * KM_LAT,
            'partner_longitude': BASE_LON})
        cls.roaster = Partner.create({
            'name': 'Torréfacteur Lointain', 'is_company': True,
            'partner_latitude': BASE_LAT + 20 * KM_LAT,
            'partner_longitude': BASE_LON})
        cls.faraway = Partner.create({
            'name': 'Trop Loin', 'is_company': True,
            'partner_latitude': BASE_LAT + 45 * KM_LAT,
            'partner_longitude': BASE_LON})

    def _resource(self, partner, direction, category, quantity=100.0,
                  **values):
        values.update({
            'name': '%s %s' % (direction, partner.name),
            'partner_id': partner.id,
            'direction': direction,
            'category_id': category.id,
            'quantity': quantity,
            'uom_id': values.get('uom_id', category.uom_id.id),
            'modality': values.get('modality', 'donation'),
            'state': values.get('state', 'published'),
        })
        return self.env['kepos.resource'].create(values)

    def _match(self, need, offer):
        return self.env['kepos.match'].search(
            [('need_id', '=', need.id), ('offer_id', '=', offer.id)])
