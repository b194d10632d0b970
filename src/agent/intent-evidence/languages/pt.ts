import type { LanguageCues } from '../cues.ts';

/** Portuguese, Brazilian and European. */
export const PT: LanguageCues = {
  capture_lead: [
    [0.9, ['demonstração', 'quero uma demo', 'orçamento', 'cotação', 'proposta comercial']],
    [0.8, ['falar com vendas', 'falar com o comercial', 'time de vendas', 'equipe de vendas', 'me liga', 'me ligue', 'entrem em contato', 'entre em contato comigo']],
    [0.6, ['preço', 'preços', 'valores', 'planos para empresa', 'comprar', 'contratar']],
  ],
  escalate_ticket: [
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['por que não dá', 'por que não tem como', 'por que não consigo', 'sugestão', 'seria ótimo', 'seria bom ter', 'seria legal', 'poderiam adicionar', 'adicionem', 'nova funcionalidade', 'gostaria que tivesse', 'sobrepost*', 'erro de digitação']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["não aparece", "não aparecem", "não chega", "não chegam", "não envia", "não salva", "não atualiza", "não sincroniza", "tela branca", "em branco", "fica carregando", "trava", "travado", "instável", "instabilidade", "caindo", "desde ontem", "desde hoje cedo", "desde cedo", "há horas", "toda vez que", "clientes reclamando", "perdendo vendas", "prejuízo", "cobraram", "descontaram", "debitaram", "duplicad*"]],
    [0.85, ['não carrega', 'não abre', 'não deixa', 'não consigo', 'falha', 'bloqueado', 'bloquearam', 'cobraram a mais', 'cobrança indevida', 'não reconheço', 'todos os clientes', 'nenhum cliente', 'ninguém consegue', 'excluir minha conta', 'apagar minha conta', 'trocar o cartão', 'troquem o cartão', 'resolvam', 'arrumem', 'consertem']],
    // Asking for a refund (not asking where one is) needs a person.
    [0.85, ['quero reembolso', 'quero um reembolso', 'quero meu dinheiro de volta']],
    [0.95, ['não consigo entrar', 'não consigo acessar', 'não consigo logar', 'nao consigo fazer login', 'sem acesso']],
    [0.95, ['cobrado duas vezes', 'cobraram duas vezes', 'cobrança duplicada', 'cobrança em dobro', 'debitaram duas vezes', 'duas vezes ... cobr']],
    [0.9, ['não funciona', 'não está funcionando', 'parou de funcionar', 'fora do ar', 'caiu', 'travou', 'travando', 'erro', 'deu pau', 'bug']],
    [0.9, ['alguém entrou', 'invadi*', 'hackea*', 'sumiram', 'sumiu', 'apagou', 'apagando']],
    [0.9, ['exclusão dos meus dados', 'excluir meus dados', 'apaguem meus dados', 'meus dados pessoais']],
    [0.85, ['cancelem', 'cancelar minha assinatura', 'cancela minha', 'quero cancelar', 'não quero ser cobrado']],
    [0.85, ['estorno ... não', 'reembolso ... não', 'não caiu', 'ainda não recebi', 'até agora não']],
    [0.75, ['recusado', 'recusa', 'não passa', 'vai ser suspens*', 'errado', 'zerados', 'problema', 'reclamação', 'às vezes']],
    [0.6, ['desalinhad*', 'lento', 'demora', 'cor do', 'fonte']],
  ],
  check_billing: [
    [0.9, ['minha fatura', 'minhas faturas', 'meu recibo', 'meu saldo', 'em aberto', 'quanto paguei', 'quanto fui cobrado', 'quando vou ser cobrado', 'quando vence', 'vencimento', 'minha assinatura', 'foi processado', 'foi aprovado', 'segunda via']],
    [0.9, ['próxima cobrança', 'quanto devo', 'quanto vou pagar', 'pagamento ... aprovado', 'pagamento ... caiu', 'meu pagamento', 'fatura', 'faturas', 'recibo', 'nota fiscal', 'boleto']],
    [0.9, ['meu plano', 'qual plano', 'plano atual', 'quando renova', 'meu reembolso', 'meu estorno', 'os pagamentos', 'meus pagamentos', 'histórico de pagamento*']],
    [0.7, ['pagamento', 'cobrança', 'assinatura', 'mensalidade', 'impostos']],
  ],
};
