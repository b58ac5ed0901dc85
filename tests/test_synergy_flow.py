# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A member publishes a need through the web API, sees ranked matches with
their explanation, turns the best one into a synergy with a contract and
reads its balance (kepos_synergy)."""

VIEWS = {
    'kepos.resource': ['kanban', 'list', 'form', 'search'],
    'kepos.match': ['list', 'form', 'search'],
    'kepos.synergy': ['list', 'form', 'search'],
    'kepos.synergy.balance': ['pivot', 'graph', 'search'],
    'kepos.joint.offer': ['list', 'form'],
}


def test_member_need_to_synergy(fresh_server):
    member_b = fresh_server.login('member_b')  # Vélo Cargo Stanislas
    for model, types in VIEWS.items():
        views = member_b.execute(model, 'load_views',
                                 [[False, t] for t in types])
        assert set(views['fields_views']) == set(types)

    pallet = member_b.ref('kepos_synergy.category_pallet')
    unit = member_b.ref('product.product_uom_unit')
    need = member_b.execute('kepos.resource', 'create', {
        'name': 'Palettes pour un abri à vélos', 'direction': 'need',
        'category_id': pallet, 'quantity': 20, 'uom_id': unit,
        'modality': 'reuse'})
    member_b.execute('kepos.resource', 'action_publish', [need])

    matches = member_b.execute(
        'kepos.match', 'search_read', [('need_id', '=', need)],
        ['offer_partner_id', 'score', 'score_distance', 'explanation',
         'distance_km'])
    assert matches, 'the demo offers of pallets should match'
    scores = [m['score'] for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(m['explanation'].count('/') == 6 for m in matches)
    partners = {m['offer_partner_id'][1] for m in matches}
    assert 'Le Bocal Nancéien' in partners
    assert 'Vélo Cargo Stanislas' not in partners

    action = member_b.execute('kepos.match', 'action_create_synergy',
                              [matches[0]['id']])
    synergy = action['res_id']
    member_b.execute('kepos.synergy', 'write', [synergy], {
        'market_price_unit': 8.0, 'transport_mode': 'bike',
        'trip_count': 2})
    member_b.execute('kepos.synergy', 'action_agree', [synergy])
    # One party's consent is not the other's: the offering member (or the
    # staff on its behalf) agrees too.
    [values] = member_b.execute('kepos.synergy', 'read', [synergy], ['state'])
    assert values['state'] == 'proposed'
    fresh_server.login('kepos_staff').execute('kepos.synergy', 'action_agree', [synergy])
    member_b.execute('kepos.synergy', 'action_contract', [synergy])
    [values] = member_b.execute(
        'kepos.synergy', 'read', [synergy],
        ['state', 'money_saved', 'co2e_avoided', 'party_ids'])
    assert values['state'] == 'contracted'
    assert values['money_saved'] > 0 and values['co2e_avoided'] > 0
    attachments = member_b.execute(
        'ir.attachment', 'search_read',
        [('res_model', '=', 'kepos.synergy'), ('res_id', '=', synergy)],
        ['mimetype'])
    assert [a['mimetype'] for a in attachments] == ['application/pdf']
    assert not fresh_server.errors_in_log()
