import type { LanguageCues } from '../cues.ts';

/** Spanish beyond the keyword rules in `../<tool>.ts`. */
export const ES: LanguageCues = {
  capture_lead: [
    [0.85, ['me pasan precios', 'pasar precios', 'me llame', 'me llamen', 'alguien de ventas', 'conocer precios', 'necesito presupuesto']],
  ],
  escalate_ticket: [
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['por qué no se puede', 'por qué no hay forma', 'por que no puedo', 'sugerencia', 'estaría bien', 'sería genial', 'sería útil', 'podrían añadir', 'podrían agregar', 'agreguen', 'añadan', 'me gustaría que tuviera', 'nueva función', 'se superpone*', 'errata']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["no carga", "no aparece", "no aparecen", "no llega", "no llegan", "no envía", "no guarda", "no se guarda", "pantalla en blanco", "se queda cargando", "se cuelga", "se traba", "se cayó", "caído", "desde ayer", "desde esta mañana", "hace horas", "cada vez que", "clientes se quejan", "perdiendo ventas", "me cobraron", "cobro duplicado", "lento"]],
    [0.85, ['no funciona', 'no carga', 'no me deja', 'no puedo', 'error', 'fallo', 'falla', 'se cae', 'caida', 'bloqueado', 'bloquearon', 'me cobraron', 'cobro de mas', 'cobro indebido', 'cargo duplicado', 'no reconozco', 'hackearon', 'todos nuestros clientes', 'ningun cliente', 'nadie puede', 'borrar mi cuenta', 'eliminar mi cuenta', 'cambiar la tarjeta', 'cambien la tarjeta', 'solucionen', 'arreglen']],
    // Asking for a refund (not asking where one is) needs a person.
    [0.85, ['quiero un reembolso', 'quiero que me devuelvan', 'devuelvanme']],
    [0.95, ['no puedo entrar', 'cobraron dos veces', 'cobrado dos veces', 'dos veces ... cobr', 'cobr* ... dos veces', 'se cayo', 'caido']],
    [0.9, ['supresion de ... datos', 'borrar mis datos', 'borren mis datos', 'mis datos personales', 'darme de baja', 'cancelen', 'cancelar mi suscripcion', 'den de baja']],
    [0.9, ['alguien cambio', 'alguien entro', 'hackea*', 'borrando', 'desaparecieron']],
    [0.85, ['todavia no aparece', 'todavia no', 'aun no', 'no me ha llegado', 'no ha llegado']],
    [0.7, ['tardan', 'tarda', 'lento', 'a veces', 'pixelado', 'se ve mal', 'rechaz*']],
  ],
  check_billing: [
    [0.9, ['mi factura', 'mis facturas', 'mi recibo', 'mi saldo', 'saldo pendiente', 'cuanto pague', 'cuanto me cobraron', 'cuando me cobran', 'cuando se renueva', 'mi suscripcion', 'se proceso mi pago', 'paso mi pago', 'historial de pagos', 'iva']],
    [0.9, ['cuanto debo', 'que plan tengo', 'plan tengo', 'mi plan', 'mi reembolso', 'proximo cobro', 'proximo pago', 'mi pago', 'facturas que pague', 'ultimas facturas']],
  ],
};
