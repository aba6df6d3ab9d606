/**
 * Public-domain passages the sandbox builds its sample batch files from: founding documents of
 * the United States, and poems and novels published before 1929. Short enough to read in a
 * results view, varied enough that summaries, classifications and embeddings differ.
 */
export interface Passage {
    readonly source: string;
    readonly text: string;
}

const declaration = 'Declaration of Independence (1776)';
const billOfRights = 'United States Bill of Rights (1791)';

export const corpus: readonly Passage[] = [
    { source: declaration, text: 'When in the Course of human events, it becomes necessary for one people to dissolve the political bands which have connected them with another, and to assume among the powers of the earth, the separate and equal station to which the Laws of Nature and of Nature\'s God entitle them, a decent respect to the opinions of mankind requires that they should declare the causes which impel them to the separation.' },
    { source: declaration, text: 'We hold these truths to be self-evident, that all men are created equal, that they are endowed by their Creator with certain unalienable Rights, that among these are Life, Liberty and the pursuit of Happiness.' },
    { source: declaration, text: 'That to secure these rights, Governments are instituted among Men, deriving their just powers from the consent of the governed.' },
    { source: declaration, text: 'Prudence, indeed, will dictate that Governments long established should not be changed for light and transient causes; and accordingly all experience hath shewn, that mankind are more disposed to suffer, while evils are sufferable, than to right themselves by abolishing the forms to which they are accustomed.' },
    { source: declaration, text: 'He has refused his Assent to Laws, the most wholesome and necessary for the public good.' },
    { source: declaration, text: 'He has forbidden his Governors to pass Laws of immediate and pressing importance, unless suspended in their operation till his Assent should be obtained; and when so suspended, he has utterly neglected to attend to them.' },
    { source: declaration, text: 'He has called together legislative bodies at places unusual, uncomfortable, and distant from the depository of their public Records, for the sole purpose of fatiguing them into compliance with his measures.' },
    { source: declaration, text: 'He has dissolved Representative Houses repeatedly, for opposing with manly firmness his invasions on the rights of the people.' },
    { source: declaration, text: 'He has obstructed the Administration of Justice, by refusing his Assent to Laws for establishing Judiciary powers.' },
    { source: declaration, text: 'He has erected a multitude of New Offices, and sent hither swarms of Officers to harrass our people, and eat out their substance.' },
    { source: declaration, text: 'He has kept among us, in times of peace, Standing Armies without the Consent of our legislatures.' },
    { source: declaration, text: 'For cutting off our Trade with all parts of the world: For imposing Taxes on us without our Consent: For depriving us in many cases, of the benefits of Trial by Jury.' },
    { source: declaration, text: 'In every stage of these Oppressions We have Petitioned for Redress in the most humble terms: Our repeated Petitions have been answered only by repeated injury.' },
    { source: declaration, text: 'And for the support of this Declaration, with a firm reliance on the protection of divine Providence, we mutually pledge to each other our Lives, our Fortunes and our sacred Honor.' },
    { source: 'Constitution of the United States, Preamble (1787)', text: 'We the People of the United States, in Order to form a more perfect Union, establish Justice, insure domestic Tranquility, provide for the common defence, promote the general Welfare, and secure the Blessings of Liberty to ourselves and our Posterity, do ordain and establish this Constitution for the United States of America.' },
    { source: billOfRights, text: 'Congress shall make no law respecting an establishment of religion, or prohibiting the free exercise thereof; or abridging the freedom of speech, or of the press; or the right of the people peaceably to assemble, and to petition the Government for a redress of grievances.' },
    { source: billOfRights, text: 'A well regulated Militia, being necessary to the security of a free State, the right of the people to keep and bear Arms, shall not be infringed.' },
    { source: billOfRights, text: 'No Soldier shall, in time of peace be quartered in any house, without the consent of the Owner, nor in time of war, but in a manner to be prescribed by law.' },
    { source: billOfRights, text: 'The right of the people to be secure in their persons, houses, papers, and effects, against unreasonable searches and seizures, shall not be violated, and no Warrants shall issue, but upon probable cause, supported by Oath or affirmation, and particularly describing the place to be searched, and the persons or things to be seized.' },
    { source: billOfRights, text: 'In all criminal prosecutions, the accused shall enjoy the right to a speedy and public trial, by an impartial jury of the State and district wherein the crime shall have been committed.' },
    { source: billOfRights, text: 'Excessive bail shall not be required, nor excessive fines imposed, nor cruel and unusual punishments inflicted.' },
    { source: billOfRights, text: 'The enumeration in the Constitution, of certain rights, shall not be construed to deny or disparage others retained by the people.' },
    { source: billOfRights, text: 'The powers not delegated to the United States by the Constitution, nor prohibited by it to the States, are reserved to the States respectively, or to the people.' },
    { source: 'Abraham Lincoln, Gettysburg Address (1863)', text: 'Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.' },
    { source: 'Abraham Lincoln, Gettysburg Address (1863)', text: 'Now we are engaged in a great civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure. We are met on a great battle-field of that war.' },
    { source: 'Abraham Lincoln, Gettysburg Address (1863)', text: 'The world will little note, nor long remember what we say here, but it can never forget what they did here.' },
    { source: 'Abraham Lincoln, Second Inaugural Address (1865)', text: 'With malice toward none, with charity for all, with firmness in the right as God gives us to see the right, let us strive on to finish the work we are in, to bind up the nation\'s wounds.' },
    { source: 'William Shakespeare, Sonnet 18 (1609)', text: 'Shall I compare thee to a summer\'s day? Thou art more lovely and more temperate: Rough winds do shake the darling buds of May, And summer\'s lease hath all too short a date.' },
    { source: 'William Shakespeare, Sonnet 18 (1609)', text: 'But thy eternal summer shall not fade, Nor lose possession of that fair thou ow\'st; Nor shall Death brag thou wander\'st in his shade, When in eternal lines to time thou grow\'st.' },
    { source: 'William Shakespeare, Sonnet 116 (1609)', text: 'Let me not to the marriage of true minds Admit impediments. Love is not love Which alters when it alteration finds, Or bends with the remover to remove.' },
    { source: 'William Shakespeare, Hamlet (1603)', text: 'To be, or not to be, that is the question: Whether \'tis nobler in the mind to suffer The slings and arrows of outrageous fortune, Or to take arms against a sea of troubles And by opposing end them.' },
    { source: 'Jane Austen, Pride and Prejudice (1813)', text: 'It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.' },
    { source: 'Jane Austen, Emma (1815)', text: 'Emma Woodhouse, handsome, clever, and rich, with a comfortable home and happy disposition, seemed to unite some of the best blessings of existence; and had lived nearly twenty-one years in the world with very little to distress or vex her.' },
    { source: 'Charles Dickens, A Tale of Two Cities (1859)', text: 'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was the season of Darkness.' },
    { source: 'Charles Dickens, A Christmas Carol (1843)', text: 'Marley was dead: to begin with. There is no doubt whatever about that. The register of his burial was signed by the clergyman, the clerk, the undertaker, and the chief mourner.' },
    { source: 'Herman Melville, Moby-Dick (1851)', text: 'Call me Ishmael. Some years ago, never mind how long precisely, having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.' },
    { source: 'Leo Tolstoy, Anna Karenina (1878; Garnett translation, 1901)', text: 'Happy families are all alike; every unhappy family is unhappy in its own way.' },
    { source: 'Henry David Thoreau, Walden (1854)', text: 'I went to the woods because I wished to live deliberately, to front only the essential facts of life, and see if I could not learn what it had to teach, and not, when I came to die, discover that I had not lived.' },
    { source: 'Emma Lazarus, The New Colossus (1883)', text: 'Give me your tired, your poor, Your huddled masses yearning to breathe free, The wretched refuse of your teeming shore. Send these, the homeless, tempest-tost to me, I lift my lamp beside the golden door!' },
    { source: 'William Blake, The Tyger (1794)', text: 'Tyger Tyger, burning bright, In the forests of the night; What immortal hand or eye, Could frame thy fearful symmetry?' },
    { source: 'Edgar Allan Poe, The Raven (1845)', text: 'Once upon a midnight dreary, while I pondered, weak and weary, Over many a quaint and curious volume of forgotten lore, While I nodded, nearly napping, suddenly there came a tapping, As of some one gently rapping, rapping at my chamber door.' },
    { source: 'Robert Frost, The Road Not Taken (1916)', text: 'Two roads diverged in a yellow wood, And sorry I could not travel both And be one traveler, long I stood And looked down one as far as I could To where it bent in the undergrowth.' },
    { source: 'Robert Frost, Stopping by Woods on a Snowy Evening (1923)', text: 'The woods are lovely, dark and deep, But I have promises to keep, And miles to go before I sleep, And miles to go before I sleep.' },
    { source: 'Walt Whitman, O Captain! My Captain! (1865)', text: 'O Captain! my Captain! our fearful trip is done, The ship has weather\'d every rack, the prize we sought is won, The port is near, the bells I hear, the people all exulting.' },
    { source: 'Emily Dickinson, Hope is the thing with feathers (1891)', text: '"Hope" is the thing with feathers - That perches in the soul - And sings the tune without the words - And never stops - at all.' },
    { source: 'Emily Dickinson, Because I could not stop for Death (1890)', text: 'Because I could not stop for Death, He kindly stopped for me; The carriage held but just ourselves And Immortality.' },
    { source: 'King James Bible, Psalm 23 (1611)', text: 'The Lord is my shepherd; I shall not want. He maketh me to lie down in green pastures: he leadeth me beside the still waters.' },
    { source: 'King James Bible, Genesis 1 (1611)', text: 'In the beginning God created the heaven and the earth. And the earth was without form, and void; and darkness was upon the face of the deep.' },
    { source: 'Mary Shelley, Frankenstein (1818)', text: 'You will rejoice to hear that no disaster has accompanied the commencement of an enterprise which you have regarded with such evil forebodings.' },
    { source: 'Lewis Carroll, Alice\'s Adventures in Wonderland (1865)', text: 'Alice was beginning to get very tired of sitting by her sister on the bank, and of having nothing to do: once or twice she had peeped into the book her sister was reading, but it had no pictures or conversations in it, "and what is the use of a book," thought Alice, "without pictures or conversations?"' },
    { source: 'Mark Twain, Adventures of Huckleberry Finn (1884)', text: 'You don\'t know about me without you have read a book by the name of The Adventures of Tom Sawyer; but that ain\'t no matter.' },
    { source: 'Arthur Conan Doyle, A Scandal in Bohemia (1891)', text: 'To Sherlock Holmes she is always the woman. I have seldom heard him mention her under any other name.' },
    { source: 'H. G. Wells, The War of the Worlds (1898)', text: 'No one would have believed in the last years of the nineteenth century that this world was being watched keenly and closely by intelligences greater than man\'s and yet as mortal as his own.' },
    { source: 'Charlotte Bronte, Jane Eyre (1847)', text: 'There was no possibility of taking a walk that day. We had been wandering, indeed, in the leafless shrubbery an hour in the morning.' },
    { source: 'Jonathan Swift, Gulliver\'s Travels (1726)', text: 'My father had a small estate in Nottinghamshire; I was the third of five sons.' },
    { source: 'Benjamin Franklin, Poor Richard\'s Almanack (1735)', text: 'Early to bed and early to rise, makes a man healthy, wealthy and wise.' },
    { source: 'Ralph Waldo Emerson, Self-Reliance (1841)', text: 'A foolish consistency is the hobgoblin of little minds, adored by little statesmen and philosophers and divines.' },
    { source: 'Frederick Douglass, Narrative of the Life (1845)', text: 'I was born in Tuckahoe, near Hillsborough, and about twelve miles from Easton, in Talbot county, Maryland. I have no accurate knowledge of my age, never having seen any authentic record containing it.' },
    { source: 'Sojourner Truth, Ain\'t I a Woman? (1851, as reported by Marius Robinson)', text: 'I have plowed and reaped and husked and chopped and mowed, and can any man do more than that?' },
    { source: 'John Keats, Ode on a Grecian Urn (1819)', text: 'Beauty is truth, truth beauty, that is all Ye know on earth, and all ye need to know.' },
];
