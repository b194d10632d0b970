import type { LanguageCues } from '../cues.ts';

/** Spanish beyond the keyword rules in `../<tool>.ts`. */
export const ES: LanguageCues = {
  capture_lead: [
    [0.85, ['me pasan precios', 'pasar precios', 'me llame', 'me llamen', 'alguien de ventas', 'conocer precios', 'necesito presupuesto']],
    [0.85, ['cotizar', 'cuanto costaria', 'cuanto sale', 'cuanto cuesta']],
    // Whether there is a trial before buying.
    [0.6, ['hay periodo de prueba', 'tienen prueba', 'hay prueba gratis']],
    // Wanting to try a plan before buying it.
    [0.6, ['queremos probar', 'quiero probar', 'nos gustaría probar', 'me gustaría probar', 'probar el plan']],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['estamos buscando', 'buscamos una', 'buscamos un', 'más información sobre', 'conocer más']],
    // Wanting to put a product like ours in place: a lead when they leave an address (weak alone).
    [0.45, ['queremos implementar', 'queremos instalar', 'queremos poner un', 'necesitamos un chat']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['necesitamos un asistente', 'necesitamos un chatbot', 'un chatbot para']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['cuesta leer', 'difícil de leer', 'se lee mal', 'falta de ortografía', 'error ortográfico', 'color equivocado']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['podrían hacer que', 'podrían poner', 'estaría bien que', 'sería útil', 'apenas se lee', 'se sale de la pantalla', 'cobrado dos veces']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ['no cuadra', 'corrijan', 'ninguno de nuestros clientes', 'nadie recibe', 'no reciben', 'háganlo por mí', 'lo pueden hacer por mí']],
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['por qué no se puede', 'por qué no hay forma', 'por que no puedo', 'sugerencia', 'estaría bien', 'sería genial', 'sería útil', 'podrían añadir', 'podrían agregar', 'agreguen', 'añadan', 'me gustaría que tuviera', 'nueva función', 'se superpone*', 'errata']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["no carga", "no aparece", "no aparecen", "no llega", "no llegan", "no envía", "no guarda", "no se guarda", "pantalla en blanco", "se queda cargando", "se cuelga", "se traba", "se cayó", "caído", "desde ayer", "desde esta mañana", "hace horas", "cada vez que", "clientes se quejan", "perdiendo ventas", "me cobraron", "cobro duplicado", "lento"]],
    [0.85, ['no funciona', 'no carga', 'no me deja', 'no puedo', 'error', 'fallo', 'falla', 'se cae', 'caida', 'bloqueado', 'bloquearon', 'me cobraron', 'cobro de mas', 'cobro indebido', 'cargo duplicado', 'no reconozco', 'hackearon', 'todos nuestros clientes', 'ningun cliente', 'nadie puede', 'borrar mi cuenta', 'eliminar mi cuenta', 'cambiar la tarjeta', 'cambien la tarjeta', 'solucionen', 'arreglen']],
    // Asking for a refund (not asking where one is) needs a person.
    [0.85, ['quiero un reembolso', 'quiero que me devuelvan', 'devuelvanme']],
    [0.95, ['no puedo entrar', 'cobraron dos veces', 'cobrado dos veces', 'dos veces ... cobr', 'cobr* ... dos veces', 'se cayo', 'caido']],
    [0.9, ['supresion de ... datos', 'borrar mis datos', 'borren mis datos', 'mis datos personales', 'darme de baja', 'cancelen', 'cancelenla', 'cancelenlo', 'cancelar mi suscripcion', 'den de baja']],
    [0.9, ['alguien cambio', 'alguien entro', 'hackea*', 'borrando', 'desaparecieron']],
    [0.85, ['todavia no aparece', 'todavia no', 'aun no', 'no me ha llegado', 'no ha llegado']],
    [0.7, ['tardan', 'tarda', 'lento', 'a veces', 'pixelado', 'se ve mal', 'rechaz*']],
    [0.9, ['eliminen mi cuenta', 'eliminen ... datos', 'eliminar ... datos', 'borrar ... datos', 'supriman']],
    [0.85, ['ya no', 'elimin*', 'bloquead*']],
    [0.7, ['dos veces', 'duplicad*']],
    [0.45, ['nuestros clientes', 'mis clientes']],
    [0.75, ['equivocad*', 'erroneo*']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['seria bueno', 'seria genial', 'agreguen', 'anadan', 'podrian agregar', 'falta una opcion']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['borroso', 'borrosa', 'pixelad*']],
    // Customers report it: a fault told at second hand.
    [0.8, ['clientes dicen', 'clientes reportan', 'clientes nos dicen']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['con retraso', 'llegan tarde', 'desconectad*']],
    // Something removed by mistake, to be restored.
    [0.85, ['restaurar', 'por error', 'recuperar']],
    // Charged without notice or consent.
    [0.9, ['sin aviso', 'sin avisar', 'sin mi consentimiento']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['ningun resultado', 'no encuentra nada', 'no muestra nada']],
    // Suddenly: something changed on its own.
    [0.75, ['de repente', 'de la nada']],
    // Mail landing in spam.
    [0.8, ['en spam', 'correo no deseado']],
    // Asking for a person to talk something over.
    [0.85, ['con una persona', 'con un humano', 'con un agente']],
    // Asking us to look at a report passed on from someone else (weak alone).
    [0.55, ['lo puede revisar', 'lo pueden revisar', 'pueden revisar', 'puede revisar', 'echar un vistazo', 'echen un vistazo', 'reenvío', 'les reenvio']],
    // Records going away while you watch.
    [0.85, ['desaparec*', 'cada vez menos', 'cada vez hay menos']],
    // Changes only a person can make, asked of us.
    [0.85, ['cambiar la razón social', 'necesitamos cambiar', 'necesito cambiar', 'háganlo', 'hacedlo', 'cámbienlo', 'modifiquen']],
    // A control that does nothing when used.
    [0.8, ['no hace nada', 'no pasa nada']],
    // One thing shown instead of another (weak alone: "el plan anual en vez del mensual" asks a price).
    [0.5, ['en vez de', 'en lugar de']],
    // An accent missing or misplaced: a label to correct.
    [0.75, ['con la tilde', 'sin tilde', 'sin acento', 'tilde mal puesta']],
    // An invoice made out again or to another name: only a person can re-issue it.
    [0.85, ['reemitir', 'volver a emitir', 'rehacer la factura', 'a nombre de otra', 'a nombre de nuestra otra', 'cambiar el nombre de la factura', 'corregir la factura']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['código de verificación', 'mi número anterior', 'mi número viejo', 'mi antiguo número', 'mi celular viejo']],
    // Asking us to put right an amount that came without explanation.
    [0.85, ['regularicen', 'regularizar', 'sin ninguna explicación', 'sin explicación']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['agregar ... a la factura', 'añadir ... a la factura', 'agreguen ... factura', 'añadan ... factura', 'incluir ... en la factura', 'poner ... en la factura', 'pongan ... en la factura', 'dividir la factura', 'cambiar ... en la factura']],
    // The same charge taken twice, told as two identical charges.
    [0.9, ['dos cargos iguales', 'dos cobros iguales', 'cargos duplicados', 'cobros duplicados', 'dos cargos idénticos', 'dos cobros idénticos']],
  ],
  check_billing: [
    [0.9, ['mi factura', 'mis facturas', 'mi recibo', 'mi saldo', 'saldo pendiente', 'cuanto pague', 'cuanto me cobraron', 'cuando me cobran', 'cuando se renueva', 'mi suscripcion', 'se proceso mi pago', 'paso mi pago', 'historial de pagos', 'iva']],
    [0.9, ['cuanto debo', 'que plan tengo', 'plan tengo', 'mi plan', 'mi reembolso', 'proximo cobro', 'proximo pago', 'mi pago', 'facturas que pague', 'ultimas facturas']],
    [0.9, ['proxima cuota', 'cuota', 'me toca pagar', 'pago pendiente', 'algun pago', 'tengo ... pendiente']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['que tarjeta', 'tarjeta registrada', 'periodo de prueba', 'mi prueba']],
    // What will be charged next, and one's own trial.
    [0.9, ['me van a cobrar', 'nos van a cobrar', 'me vais a cobrar', 'cuánto me cobran', 'cuánto voy a pagar', 'próximo cobro', 'próximo cargo', 'mi periodo de prueba', 'periodo de prueba ... termina']],
    // Late fees are a question about the bill, not a delay to fix.
    [0.9, ['recargo por mora', 'recargo por retraso', 'cargo por mora', 'intereses de demora', 'intereses por mora']],
    // When the next payment is taken, in everyday words.
    [0.9, ['cuándo me vuelven a cobrar', 'cuándo me descuentan', 'cuándo me debitan']],
    // What the next charge takes, what is still owed, where a refund is, in everyday words.
    [0.9, ['me van a sacar', 'van a sacar de', 'les debo', 'debo algo', 'me van a descontar']],
    // A charge seen on the caller's own card or statement.
    [0.8, ['en mi tarjeta', 'en mi extracto']],
  ],
};
