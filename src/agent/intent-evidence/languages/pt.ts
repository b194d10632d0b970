import type { LanguageCues } from '../cues.ts';

/** Portuguese, Brazilian and European. */
export const PT: LanguageCues = {
  capture_lead: [
    [0.9, ['demonstração', 'quero uma demo', 'orçamento', 'cotação', 'proposta comercial']],
    [0.8, ['falar com vendas', 'falar com o comercial', 'time de vendas', 'equipe de vendas', 'me liga', 'me ligue', 'entrem em contato', 'entre em contato comigo']],
    [0.6, ['preço', 'preços', 'valores', 'planos para empresa', 'comprar', 'contratar']],
    [0.85, ['proposta', 'quanto custa', 'quanto custaria', 'quanto fica', 'apresentação', 'agendar', 'reunião', 'consultor']],
    [0.45, ['utilizadores', 'usuários', 'licenças']],
    // Whether there is a trial before buying.
    [0.6, ['tem período de teste', 'tem teste grátis', 'tem teste gratis']],
    // Wanting to try a plan before buying it.
    [0.6, ['queremos testar', 'quero testar', 'gostaríamos de testar', 'gostaria de testar', 'testar o plano', 'experimentar o plano']],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['estamos procurando', 'estamos à procura', 'procuramos uma', 'procuramos um', 'saber mais sobre', 'conhecer melhor']],
    // Wanting to put a product like ours in place: a lead when they leave an address (weak alone).
    [0.45, ['queremos implantar', 'queremos instalar', 'queremos colocar um', 'precisamos de um chat']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['precisamos de um atendimento', 'precisamos de um chatbot', 'um chatbot para']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['difícil de ler', 'erro de ortografia', 'erro de digitação', 'cor errada', 'letra pequena']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['podiam colocar', 'poderiam colocar', 'podiam adicionar', 'seria bom ter', 'seria útil', 'mal dá pra ler', 'cobrado duas vezes']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ['não bate', 'corrijam', 'nenhum dos nossos clientes', 'ninguém recebe', 'não recebem', 'façam isso por mim', 'podem fazer por mim']],
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
    // Locked out, not receiving, nobody able to: in any person.
    [0.85, ['trancado', 'trancada', 'não recebo', 'não recebi', 'não consegue', 'não conseguem', 'não conseguimos', 'saiu do ar']],
    // Inflected forms: blocked, late, stopped, in any gender and number; no longer.
    [0.85, ['bloquead*', 'atrasad*', 'parou', 'pararam', 'não ... mais', 'já não']],
    // Twice, our customers.
    [0.7, ['duas vezes', 'duplicad*']],
    [0.45, ['nossos clientes', 'meus clientes']],
    [0.75, ['errad*', 'incorret*']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['seria bom', 'seria ótimo', 'adicionem', 'poderiam adicionar', 'falta uma opção']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['embaçad*', 'borrad*', 'pixelad*']],
    // Customers report it: a fault told at second hand.
    [0.8, ['clientes dizem', 'clientes relatam', 'clientes estão dizendo', 'clientes reclamam']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['com atraso', 'chegam tarde', 'offline']],
    // Something removed by mistake, to be restored.
    [0.85, ['restaurar', 'recuperar', 'sem querer', 'por engano']],
    // Charged without notice or consent.
    [0.9, ['sem aviso', 'sem avisar', 'sem autorização']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['nenhum resultado', 'não encontra nada', 'não mostra nada']],
    // Suddenly: something changed on its own.
    [0.75, ['de repente', 'do nada']],
    // Mail landing in spam.
    [0.8, ['no spam', 'lixo eletrônico']],
    // Asking for a person to talk something over.
    [0.85, ['com uma pessoa', 'com um humano', 'com um atendente']],
    // Asking us to look at a report passed on from someone else (weak alone).
    [0.55, ['dar uma olhada', 'podem verificar', 'verificar isso', 'encaminhando', 'repassando']],
    // Records going away while you watch.
    [0.85, ['sumindo', 'sumiram', 'desaparec*', 'cada vez menos']],
    // Changes only a person can make, asked of us.
    [0.85, ['troquem', 'alterem', 'mudem o', 'mudem a', 'precisamos mudar', 'precisamos alterar']],
    // A control that does nothing when used.
    [0.8, ['não faz nada', 'não acontece nada', 'nada acontece']],
    // One thing shown instead of another (weak alone: it may compare two plans).
    [0.5, ['em vez de', 'ao invés de', 'sem acento']],
    // An invoice made out again or to another name: only a person can re-issue it.
    [0.85, ['reemitir', 'emitir novamente', 'emitir de novo', 'refazer a fatura', 'refazer a nota', 'em nome da outra', 'em nome de outra', 'corrigir a nota', 'corrigir a fatura']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['código de verificação', 'meu número antigo', 'meu celular antigo', 'meu antigo número']],
    // Asking us to put right an amount that came without explanation.
    [0.85, ['regularizar', 'regularizem', 'sem nenhuma explicação', 'sem explicação']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['incluir ... na fatura', 'incluir ... na nota', 'adicionar ... na fatura', 'adicionar ... na nota', 'colocar ... na fatura', 'colocar ... na nota', 'dividir a fatura', 'alterar ... na fatura', 'alterar ... na nota']],
    // The same charge taken twice, told as two identical charges.
    [0.9, ['duas cobranças iguais', 'cobranças duplicadas', 'duas cobranças idênticas', 'cobrança duplicada']],
  ],
  check_billing: [
    [0.9, ['minha fatura', 'minhas faturas', 'meu recibo', 'meu saldo', 'em aberto', 'quanto paguei', 'quanto fui cobrado', 'quando vou ser cobrado', 'quando vence', 'vencimento', 'minha assinatura', 'foi processado', 'foi aprovado', 'segunda via']],
    [0.9, ['próxima cobrança', 'quanto devo', 'quanto vou pagar', 'pagamento ... aprovado', 'pagamento ... caiu', 'meu pagamento', 'fatura', 'faturas', 'recibo', 'nota fiscal', 'boleto']],
    [0.9, ['meu plano', 'qual plano', 'plano atual', 'quando renova', 'meu reembolso', 'meu estorno', 'os pagamentos', 'meus pagamentos', 'histórico de pagamento*']],
    [0.7, ['pagamento', 'cobrança', 'assinatura', 'mensalidade', 'impostos']],
    // European Portuguese spellings and the words for a cleared payment.
    [0.9, ['compensou', 'compensado', 'o meu plano', 'plano actual', 'factura', 'facturas', 'quanto tenho a pagar', 'próximo pagamento', 'próxima fatura', 'próxima factura']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['qual cartão', 'cartão cadastrado', 'período de teste', 'meu teste grátis']],
    // One's own trial, not whether there is one.
    [0.9, ['meu período de teste', 'período de teste ... termina', 'período de teste ... acaba', 'quanto vão cobrar', 'próxima cobrança']],
    // Late fees are a question about the bill, not a delay to fix.
    [0.9, ['multa por atraso', 'juros de mora', 'multa de atraso']],
    // What the next charge takes, what is still owed, where a refund is, in everyday words.
    [0.9, ['vão tirar do', 'vai sair do meu cartão', 'tô devendo', 'to devendo', 'estou devendo', 'devo algo', 'devo alguma']],
    // A charge seen on the caller's own card or statement.
    [0.8, ['no meu cartão', 'no meu extrato']],
  ],
};
