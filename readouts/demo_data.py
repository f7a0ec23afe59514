"""Facts behind the demo generator (readouts/demo.py): no sentences here, only things that are true.

- PEOPLE: heads of state and government and foreign ministers of about fifty countries and organizations, with
  the titles they held and the years they held them (whole years, so a year of transition lists both).
  One line per person: ``code | full name | short name | other spellings | Title 2000-2004; Title 2010``.
  The short name is how a readout refers to the person after the first mention (empty: the last word).
- COUNTRIES: per code, the adjective a readout uses, the cities where meetings take place (capital first, with
  years when a name changed) and the publishers of readouts by the reporting side's role.
- SUMMITS: multilateral meetings by year, whose sidelines host many bilateral meetings.
- TOPICS: the topic vocabulary, most common first; a line may give the years in which the topic was current.
"""

FIRST_YEAR, LAST_YEAR = 2000, 2025

PEOPLE = """
CN | Jiang Zemin | Jiang | | President 2000-2002
CN | Hu Jintao | Hu | | Vice President 2000-2002; President 2003-2012
CN | Xi Jinping | Xi | | Vice President 2008-2012; President 2013-2025
CN | Zhu Rongji | Zhu | | Premier 2000-2002
CN | Wen Jiabao | Wen | | Premier 2003-2012
CN | Li Keqiang | Li | | Premier 2013-2022
CN | Li Qiang | Li | | Premier 2023-2025
CN | Tang Jiaxuan | Tang | | Foreign Minister 2000-2002; State Councilor 2003-2007
CN | Li Zhaoxing | Li | | Foreign Minister 2003-2006
CN | Dai Bingguo | Dai | | State Councilor 2008-2012
CN | Yang Jiechi | Yang | | Foreign Minister 2007-2012; State Councilor 2013-2017; \
Director of the Office of the Central Foreign Affairs Commission 2018-2022
CN | Wang Yi | Wang | | Foreign Minister 2013-2017; State Councilor and Foreign Minister 2018-2022; \
Foreign Minister 2023-2025
KZ | Nursultan Nazarbayev | Nazarbayev | Nazarbaev | President 2000-2018
KZ | Kassym-Jomart Tokayev | Tokayev | Tokaev | Prime Minister 2000-2001; Foreign Minister 2002-2006; \
Chairman of the Senate 2007-2010; Chairman of the Senate 2013-2018; President 2019-2025
KZ | Karim Massimov | Massimov | Masimov | Prime Minister 2007-2011; Prime Minister 2014-2015
KZ | Askar Mamin | Mamin | | Prime Minister 2019-2021
KZ | Alikhan Smailov | Smailov | | Prime Minister 2022-2023
KZ | Olzhas Bektenov | Bektenov | | Prime Minister 2024-2025
KZ | Marat Tazhin | Tazhin | | Foreign Minister 2007-2008
KZ | Kanat Saudabayev | Saudabayev | | Foreign Minister 2009-2010
KZ | Yerzhan Kazykhanov | Kazykhanov | | Foreign Minister 2011
KZ | Erlan Idrissov | Idrissov | Idrisov | Foreign Minister 2012-2015
KZ | Kairat Abdrakhmanov | Abdrakhmanov | | Foreign Minister 2016-2018
KZ | Mukhtar Tileuberdi | Tileuberdi | | Foreign Minister 2019-2022
KZ | Murat Nurtleu | Nurtleu | | Deputy Prime Minister and Foreign Minister 2023-2024
KZ | Yermek Kosherbayev | Kosherbayev | | Foreign Minister 2024-2025
RU | Vladimir Putin | Putin | | President 2000-2007; Prime Minister 2008-2011; President 2012-2025
RU | Dmitry Medvedev | Medvedev | Dmitri Medvedev | President 2008-2011; Prime Minister 2012-2019
RU | Mikhail Kasyanov | Kasyanov | | Prime Minister 2000-2003
RU | Mikhail Fradkov | Fradkov | | Prime Minister 2004-2006
RU | Mikhail Mishustin | Mishustin | | Prime Minister 2020-2025
RU | Igor Ivanov | Ivanov | | Foreign Minister 2000-2003
RU | Sergey Lavrov | Lavrov | Sergei Lavrov | Foreign Minister 2004-2025
US | Bill Clinton | Clinton | William J. Clinton | President 2000
US | George W. Bush | Bush | | President 2001-2008
US | Barack Obama | Obama | | President 2009-2016
US | Donald Trump | Trump | Donald J. Trump | President 2017-2020; President 2025
US | Joe Biden | Biden | Joseph R. Biden | Vice President 2009-2016; President 2021-2024
US | Dick Cheney | Cheney | | Vice President 2001-2008
US | Kamala Harris | Harris | | Vice President 2021-2024
US | Madeleine Albright | Albright | | Secretary of State 2000
US | Colin Powell | Powell | | Secretary of State 2001-2004
US | Condoleezza Rice | Rice | | National Security Advisor 2001-2004; Secretary of State 2005-2008
US | Hillary Clinton | Clinton | Hillary Rodham Clinton | Secretary of State 2009-2012
US | John Kerry | Kerry | | Secretary of State 2013-2016; Special Presidential Envoy for Climate 2021-2023
US | Rex Tillerson | Tillerson | | Secretary of State 2017
US | Mike Pompeo | Pompeo | | Secretary of State 2018-2020
US | Antony Blinken | Blinken | | Secretary of State 2021-2024
US | Jake Sullivan | Sullivan | | National Security Advisor 2021-2024
US | Marco Rubio | Rubio | | Secretary of State 2025
GB | Tony Blair | Blair | | Prime Minister 2000-2006
GB | Gordon Brown | Brown | | Prime Minister 2007-2009
GB | David Cameron | Cameron | | Prime Minister 2010-2015; Foreign Secretary 2023-2024
GB | Theresa May | May | | Prime Minister 2016-2018
GB | Boris Johnson | Johnson | | Foreign Secretary 2016-2017; Prime Minister 2019-2021
GB | Liz Truss | Truss | | Foreign Secretary 2021; Prime Minister 2022
GB | Rishi Sunak | Sunak | | Prime Minister 2022-2024
GB | Keir Starmer | Starmer | | Prime Minister 2024-2025
GB | Robin Cook | Cook | | Foreign Secretary 2000
GB | Jack Straw | Straw | | Foreign Secretary 2001-2005
GB | Margaret Beckett | Beckett | | Foreign Secretary 2006
GB | David Miliband | Miliband | | Foreign Secretary 2007-2009
GB | William Hague | Hague | | Foreign Secretary 2010-2013
GB | Philip Hammond | Hammond | | Foreign Secretary 2014-2015
GB | Jeremy Hunt | Hunt | | Foreign Secretary 2018
GB | Dominic Raab | Raab | | Foreign Secretary 2019-2020
GB | James Cleverly | Cleverly | | Foreign Secretary 2022-2023
GB | David Lammy | Lammy | | Foreign Secretary 2024-2025
FR | Jacques Chirac | Chirac | | President 2000-2006
FR | Nicolas Sarkozy | Sarkozy | | President 2007-2011
FR | François Hollande | Hollande | Francois Hollande | President 2012-2016
FR | Emmanuel Macron | Macron | | President 2017-2025
FR | Édouard Philippe | Philippe | Edouard Philippe | Prime Minister 2017-2019
FR | Jean Castex | Castex | | Prime Minister 2020-2021
FR | Hubert Védrine | Védrine | Vedrine | Foreign Minister 2000-2001
FR | Dominique de Villepin | de Villepin | Villepin | Foreign Minister 2002-2003
FR | Michel Barnier | Barnier | | Foreign Minister 2004
FR | Philippe Douste-Blazy | Douste-Blazy | | Foreign Minister 2005-2006
FR | Bernard Kouchner | Kouchner | | Foreign Minister 2007-2009
FR | Alain Juppé | Juppé | Juppe | Foreign Minister 2011
FR | Laurent Fabius | Fabius | | Foreign Minister 2012-2015
FR | Jean-Yves Le Drian | Le Drian | | Minister for Europe and Foreign Affairs 2017-2021
FR | Catherine Colonna | Colonna | | Minister for Europe and Foreign Affairs 2022-2023
FR | Jean-Noël Barrot | Barrot | Jean-Noel Barrot | Minister for Europe and Foreign Affairs 2024-2025
DE | Gerhard Schröder | Schröder | Schroeder | Chancellor 2000-2004
DE | Angela Merkel | Merkel | | Chancellor 2005-2020
DE | Olaf Scholz | Scholz | | Chancellor 2021-2024
DE | Friedrich Merz | Merz | | Chancellor 2025
DE | Joschka Fischer | Fischer | | Foreign Minister 2000-2004
DE | Frank-Walter Steinmeier | Steinmeier | | Foreign Minister 2005-2008; Foreign Minister 2014-2016; \
Federal President 2017-2025
DE | Guido Westerwelle | Westerwelle | | Foreign Minister 2009-2012
DE | Sigmar Gabriel | Gabriel | | Foreign Minister 2017
DE | Heiko Maas | Maas | | Foreign Minister 2018-2020
DE | Annalena Baerbock | Baerbock | | Foreign Minister 2022-2024
DE | Johann Wadephul | Wadephul | | Foreign Minister 2025
JP | Junichiro Koizumi | Koizumi | | Prime Minister 2001-2005
JP | Shinzo Abe | Abe | | Prime Minister 2006; Prime Minister 2013-2019
JP | Yasuo Fukuda | Fukuda | | Prime Minister 2007
JP | Taro Aso | Aso | | Foreign Minister 2005-2006; Prime Minister 2008
JP | Yukio Hatoyama | Hatoyama | | Prime Minister 2009
JP | Naoto Kan | Kan | | Prime Minister 2010
JP | Yoshihiko Noda | Noda | | Prime Minister 2011-2012
JP | Yoshihide Suga | Suga | | Prime Minister 2020
JP | Fumio Kishida | Kishida | | Foreign Minister 2013-2016; Prime Minister 2021-2023
JP | Shigeru Ishiba | Ishiba | | Prime Minister 2024-2025
JP | Yoriko Kawaguchi | Kawaguchi | | Foreign Minister 2002-2003
JP | Taro Kono | Kono | | Foreign Minister 2017-2018
JP | Toshimitsu Motegi | Motegi | | Foreign Minister 2019-2020
JP | Yoshimasa Hayashi | Hayashi | | Foreign Minister 2022
JP | Yoko Kamikawa | Kamikawa | | Foreign Minister 2023-2024
JP | Takeshi Iwaya | Iwaya | | Foreign Minister 2024-2025
IN | Atal Bihari Vajpayee | Vajpayee | | Prime Minister 2000-2003
IN | Manmohan Singh | Singh | | Prime Minister 2004-2013
IN | Narendra Modi | Modi | | Prime Minister 2014-2025
IN | Ram Nath Kovind | Kovind | | President 2017-2021
IN | Droupadi Murmu | Murmu | | President 2022-2025
IN | Jaswant Singh | Singh | | External Affairs Minister 2000-2001
IN | Yashwant Sinha | Sinha | | External Affairs Minister 2002-2003
IN | Pranab Mukherjee | Mukherjee | | External Affairs Minister 2006-2008; President 2012-2016
IN | S. M. Krishna | Krishna | | External Affairs Minister 2009-2011
IN | Salman Khurshid | Khurshid | | External Affairs Minister 2012-2013
IN | Sushma Swaraj | Swaraj | | External Affairs Minister 2014-2018
IN | Subrahmanyam Jaishankar | Jaishankar | S. Jaishankar | External Affairs Minister 2019-2025
BR | Fernando Henrique Cardoso | Cardoso | | President 2000-2002
BR | Luiz Inácio Lula da Silva | Lula | Lula da Silva, Luiz Inacio Lula da Silva | President 2003-2010; \
President 2023-2025
BR | Dilma Rousseff | Rousseff | | President 2011-2015
BR | Michel Temer | Temer | | President 2016-2018
BR | Jair Bolsonaro | Bolsonaro | | President 2019-2022
BR | Celso Amorim | Amorim | | Foreign Minister 2003-2010
BR | Antonio Patriota | Patriota | | Foreign Minister 2011-2012
BR | Mauro Vieira | Vieira | | Foreign Minister 2015; Foreign Minister 2023-2025
BR | Ernesto Araújo | Araújo | Araujo | Foreign Minister 2019-2020
ZA | Thabo Mbeki | Mbeki | | President 2000-2007
ZA | Jacob Zuma | Zuma | | President 2009-2017
ZA | Cyril Ramaphosa | Ramaphosa | | Deputy President 2014-2017; President 2018-2025
ZA | Nkosazana Dlamini-Zuma | Dlamini-Zuma | | Minister of Foreign Affairs 2000-2008
ZA | Maite Nkoana-Mashabane | Nkoana-Mashabane | | Minister of International Relations and Cooperation 2009-2017
ZA | Naledi Pandor | Pandor | | Minister of International Relations and Cooperation 2019-2023
ZA | Ronald Lamola | Lamola | | Minister of International Relations and Cooperation 2024-2025
TR | Ahmet Necdet Sezer | Sezer | | President 2000-2006
TR | Bülent Ecevit | Ecevit | Bulent Ecevit | Prime Minister 2000-2002
TR | Recep Tayyip Erdoğan | Erdoğan | Erdogan | Prime Minister 2003-2013; President 2014-2025
TR | Abdullah Gül | Gül | Gul | Foreign Minister 2003-2006; President 2007-2013
TR | Ali Babacan | Babacan | | Foreign Minister 2007-2008
TR | Ahmet Davutoğlu | Davutoğlu | Davutoglu | Foreign Minister 2009-2013; Prime Minister 2014-2015
TR | Mevlüt Çavuşoğlu | Çavuşoğlu | Cavusoglu | Foreign Minister 2014-2022
TR | Hakan Fidan | Fidan | | Foreign Minister 2023-2025
IR | Mohammad Khatami | Khatami | | President 2000-2004
IR | Mahmoud Ahmadinejad | Ahmadinejad | | President 2005-2012
IR | Hassan Rouhani | Rouhani | Rohani | President 2013-2020
IR | Ebrahim Raisi | Raisi | | President 2021-2023
IR | Masoud Pezeshkian | Pezeshkian | | President 2024-2025
IR | Kamal Kharrazi | Kharrazi | | Foreign Minister 2000-2004
IR | Manouchehr Mottaki | Mottaki | | Foreign Minister 2005-2009
IR | Ali Akbar Salehi | Salehi | | Foreign Minister 2010-2012
IR | Mohammad Javad Zarif | Zarif | | Foreign Minister 2013-2020
IR | Hossein Amir-Abdollahian | Amir-Abdollahian | | Foreign Minister 2021-2023
IR | Abbas Araghchi | Araghchi | | Foreign Minister 2024-2025
PK | Pervez Musharraf | Musharraf | | Chief Executive 2000; President 2001-2007
PK | Asif Ali Zardari | Zardari | | President 2008-2012; President 2024-2025
PK | Yousaf Raza Gilani | Gilani | | Prime Minister 2008-2011
PK | Nawaz Sharif | Sharif | | Prime Minister 2013-2016
PK | Imran Khan | Khan | | Prime Minister 2018-2021
PK | Shehbaz Sharif | Sharif | | Prime Minister 2022-2025
PK | Shah Mahmood Qureshi | Qureshi | | Foreign Minister 2008-2010; Foreign Minister 2018-2021
PK | Hina Rabbani Khar | Khar | | Foreign Minister 2011-2012
PK | Khawaja Muhammad Asif | Asif | Khawaja Asif | Foreign Minister 2017
PK | Bilawal Bhutto Zardari | Bhutto Zardari | | Foreign Minister 2022-2023
PK | Ishaq Dar | Dar | | Deputy Prime Minister and Foreign Minister 2024-2025
ID | Megawati Sukarnoputri | Megawati | | President 2001-2003
ID | Susilo Bambang Yudhoyono | Yudhoyono | | President 2004-2013
ID | Joko Widodo | Widodo | Jokowi | President 2014-2023
ID | Prabowo Subianto | Prabowo | | Minister of Defense 2019-2023; President 2024-2025
ID | Hassan Wirajuda | Wirajuda | | Foreign Minister 2001-2008
ID | Marty Natalegawa | Natalegawa | | Foreign Minister 2009-2013
ID | Retno Marsudi | Marsudi | Retno | Foreign Minister 2014-2023
ID | Sugiono | Sugiono | | Foreign Minister 2024-2025
VN | Tran Duc Luong | Luong | | President 2001-2005
VN | Phan Van Khai | Khai | | Prime Minister 2000-2005
VN | Nguyen Minh Triet | Triet | | President 2006-2010
VN | Nguyen Tan Dung | Dung | | Prime Minister 2006-2015
VN | Truong Tan Sang | Sang | | President 2011-2015
VN | Nguyen Phu Trong | Trong | | General Secretary of the Communist Party of Vietnam 2011-2023
VN | Nguyen Xuan Phuc | Phuc | | Prime Minister 2016-2020; President 2021-2022
VN | Pham Minh Chinh | Chinh | | Prime Minister 2021-2025
VN | Pham Binh Minh | Minh | | Foreign Minister 2011-2020
VN | Bui Thanh Son | Son | | Foreign Minister 2021-2025
KR | Kim Dae-jung | Kim | | President 2000-2002
KR | Roh Moo-hyun | Roh | | President 2003-2007
KR | Lee Myung-bak | Lee | | President 2008-2012
KR | Park Geun-hye | Park | | President 2013-2016
KR | Moon Jae-in | Moon | | President 2017-2021
KR | Yoon Suk Yeol | Yoon | | President 2022-2024
KR | Lee Jae-myung | Lee | | President 2025
KR | Yun Byung-se | Yun | | Foreign Minister 2013-2016
KR | Kang Kyung-wha | Kang | | Foreign Minister 2017-2020
KR | Chung Eui-yong | Chung | | Foreign Minister 2021
KR | Park Jin | Park | | Foreign Minister 2022-2023
KR | Cho Tae-yul | Cho | | Foreign Minister 2024-2025
EG | Hosni Mubarak | Mubarak | | President 2000-2010
EG | Mohamed Morsi | Morsi | | President 2012
EG | Abdel Fattah el-Sisi | el-Sisi | Sisi, al-Sisi | President 2014-2025
EG | Amr Moussa | Moussa | | Foreign Minister 2000
EG | Ahmed Aboul Gheit | Aboul Gheit | | Foreign Minister 2004-2010
EG | Sameh Shoukry | Shoukry | | Foreign Minister 2014-2023
EG | Badr Abdelatty | Abdelatty | | Foreign Minister 2024-2025
SA | Abdullah bin Abdulaziz Al Saud | King Abdullah | | Crown Prince 2000-2004; King 2005-2014
SA | Salman bin Abdulaziz Al Saud | King Salman | | King 2015-2025
SA | Mohammed bin Salman | Mohammed bin Salman | | Crown Prince 2017-2021; Crown Prince and Prime Minister 2022-2025
SA | Saud al-Faisal | Saud al-Faisal | | Foreign Minister 2000-2014
SA | Adel al-Jubeir | al-Jubeir | Jubeir | Foreign Minister 2015-2018
SA | Faisal bin Farhan Al Saud | Faisal bin Farhan | | Foreign Minister 2019-2025
AE | Khalifa bin Zayed Al Nahyan | Sheikh Khalifa | | President 2004-2021
AE | Mohamed bin Zayed Al Nahyan | Sheikh Mohamed | | Crown Prince of Abu Dhabi 2004-2021; President 2022-2025
AE | Abdullah bin Zayed Al Nahyan | Sheikh Abdullah | | Foreign Minister 2006-2025
AE | Mohammed bin Rashid Al Maktoum | Sheikh Mohammed bin Rashid | | Vice President and Prime Minister 2006-2025
IL | Ehud Barak | Barak | | Prime Minister 2000
IL | Ariel Sharon | Sharon | | Prime Minister 2001-2005
IL | Ehud Olmert | Olmert | | Prime Minister 2006-2008
IL | Benjamin Netanyahu | Netanyahu | | Prime Minister 2009-2020; Prime Minister 2023-2025
IL | Naftali Bennett | Bennett | | Prime Minister 2021
IL | Yair Lapid | Lapid | | Foreign Minister 2021; Prime Minister 2022
IL | Shimon Peres | Peres | | Foreign Minister 2001-2002; President 2007-2013
IL | Tzipi Livni | Livni | | Foreign Minister 2006-2008
IL | Avigdor Lieberman | Lieberman | Liberman | Foreign Minister 2009-2014
IL | Isaac Herzog | Herzog | | President 2021-2025
IL | Israel Katz | Katz | | Foreign Minister 2019-2020; Foreign Minister 2024
IL | Eli Cohen | Cohen | | Foreign Minister 2023
IL | Gideon Sa'ar | Sa'ar | Saar | Foreign Minister 2024-2025
IT | Silvio Berlusconi | Berlusconi | | Prime Minister 2001-2005; Prime Minister 2008-2010
IT | Romano Prodi | Prodi | | Prime Minister 2006-2007
IT | Mario Monti | Monti | | Prime Minister 2012
IT | Enrico Letta | Letta | | Prime Minister 2013
IT | Matteo Renzi | Renzi | | Prime Minister 2014-2016
IT | Paolo Gentiloni | Gentiloni | | Foreign Minister 2015-2016; Prime Minister 2017
IT | Giuseppe Conte | Conte | | Prime Minister 2018-2020
IT | Mario Draghi | Draghi | | Prime Minister 2021-2022
IT | Giorgia Meloni | Meloni | | Prime Minister 2022-2025
IT | Giorgio Napolitano | Napolitano | | President 2006-2014
IT | Sergio Mattarella | Mattarella | | President 2015-2025
IT | Franco Frattini | Frattini | | Foreign Minister 2002-2003; Foreign Minister 2008-2011
IT | Massimo D'Alema | D'Alema | | Foreign Minister 2006-2007
IT | Luigi Di Maio | Di Maio | | Foreign Minister 2019-2022
IT | Antonio Tajani | Tajani | | Foreign Minister 2022-2025
CA | Jean Chrétien | Chrétien | Chretien | Prime Minister 2000-2002
CA | Paul Martin | Martin | | Prime Minister 2004-2005
CA | Stephen Harper | Harper | | Prime Minister 2006-2015
CA | Justin Trudeau | Trudeau | | Prime Minister 2016-2024
CA | Mark Carney | Carney | | Prime Minister 2025
CA | John Baird | Baird | | Minister of Foreign Affairs 2011-2014
CA | Stéphane Dion | Dion | Stephane Dion | Minister of Foreign Affairs 2016
CA | Chrystia Freeland | Freeland | | Minister of Foreign Affairs 2017-2019
CA | François-Philippe Champagne | Champagne | | Minister of Foreign Affairs 2020
CA | Mélanie Joly | Joly | Melanie Joly | Minister of Foreign Affairs 2021-2024
CA | Anita Anand | Anand | | Minister of Foreign Affairs 2025
AU | John Howard | Howard | | Prime Minister 2000-2007
AU | Kevin Rudd | Rudd | | Prime Minister 2008-2009; Foreign Minister 2010-2011; Prime Minister 2013
AU | Julia Gillard | Gillard | | Prime Minister 2010-2012
AU | Tony Abbott | Abbott | | Prime Minister 2014
AU | Malcolm Turnbull | Turnbull | | Prime Minister 2015-2017
AU | Scott Morrison | Morrison | | Prime Minister 2018-2021
AU | Anthony Albanese | Albanese | | Prime Minister 2022-2025
AU | Alexander Downer | Downer | | Foreign Minister 2000-2007
AU | Stephen Smith | Smith | | Foreign Minister 2008-2009
AU | Bob Carr | Carr | | Foreign Minister 2012
AU | Julie Bishop | Bishop | | Foreign Minister 2013-2017
AU | Marise Payne | Payne | | Foreign Minister 2018-2021
AU | Penny Wong | Wong | | Foreign Minister 2022-2025
UZ | Islam Karimov | Karimov | | President 2000-2015
UZ | Shavkat Mirziyoyev | Mirziyoyev | Mirziyoev | Prime Minister 2003-2015; President 2016-2025
UZ | Abdulaziz Kamilov | Kamilov | | Foreign Minister 2000-2002; Foreign Minister 2012-2021
UZ | Vladimir Norov | Norov | | Foreign Minister 2006-2009; Foreign Minister 2022
UZ | Bakhtiyor Saidov | Saidov | | Foreign Minister 2023-2025
KG | Askar Akayev | Akayev | Akaev | President 2000-2004
KG | Kurmanbek Bakiyev | Bakiyev | Bakiev | President 2005-2009
KG | Roza Otunbayeva | Otunbayeva | | President 2010
KG | Almazbek Atambayev | Atambayev | Atambaev | President 2011-2016
KG | Sooronbay Jeenbekov | Jeenbekov | | President 2017-2019
KG | Sadyr Japarov | Japarov | Zhaparov | President 2021-2025
KG | Ruslan Kazakbaev | Kazakbaev | | Foreign Minister 2020-2021
KG | Jeenbek Kulubaev | Kulubaev | | Foreign Minister 2022-2025
TJ | Emomali Rahmon | Rahmon | Rakhmonov | President 2000-2025
TJ | Hamrokhon Zarifi | Zarifi | | Foreign Minister 2006-2012
TJ | Sirojiddin Muhriddin | Muhriddin | | Foreign Minister 2013-2025
TM | Saparmurat Niyazov | Niyazov | | President 2000-2006
TM | Gurbanguly Berdimuhamedow | Berdimuhamedow | Berdimuhamedov | President 2007-2021
TM | Serdar Berdimuhamedow | Berdimuhamedow | Berdimuhamedov | President 2022-2025
TM | Rashid Meredow | Meredow | Meredov | Foreign Minister 2001-2025
MN | Nambaryn Enkhbayar | Enkhbayar | | Prime Minister 2000-2003; President 2005-2008
MN | Tsakhiagiin Elbegdorj | Elbegdorj | | President 2009-2016
MN | Khaltmaagiin Battulga | Battulga | | President 2017-2020
MN | Ukhnaagiin Khurelsukh | Khurelsukh | Khürelsükh | President 2021-2025
MN | Battsetseg Batmunkh | Battsetseg | | Foreign Minister 2022-2025
UA | Leonid Kuchma | Kuchma | | President 2000-2004
UA | Viktor Yushchenko | Yushchenko | | President 2005-2009
UA | Viktor Yanukovych | Yanukovych | | President 2010-2013
UA | Petro Poroshenko | Poroshenko | | President 2014-2018
UA | Volodymyr Zelenskyy | Zelenskyy | Zelensky, Zelenskiy | President 2019-2025
UA | Pavlo Klimkin | Klimkin | | Foreign Minister 2014-2018
UA | Dmytro Kuleba | Kuleba | | Foreign Minister 2020-2023
UA | Andrii Sybiha | Sybiha | | Foreign Minister 2024-2025
BY | Alexander Lukashenko | Lukashenko | Aliaksandr Lukashenka | President 2000-2025
BY | Vladimir Makei | Makei | | Foreign Minister 2012-2021
BY | Sergei Aleinik | Aleinik | | Foreign Minister 2022-2023
BY | Maxim Ryzhenkov | Ryzhenkov | | Foreign Minister 2024-2025
PL | Aleksander Kwaśniewski | Kwaśniewski | Kwasniewski | President 2000-2004
PL | Lech Kaczyński | Kaczyński | Kaczynski | President 2005-2009
PL | Bronisław Komorowski | Komorowski | | President 2010-2014
PL | Andrzej Duda | Duda | | President 2015-2025
PL | Donald Tusk | Tusk | | Prime Minister 2007-2013; Prime Minister 2023-2025
PL | Mateusz Morawiecki | Morawiecki | | Prime Minister 2018-2022
PL | Radosław Sikorski | Sikorski | Radoslaw Sikorski | Foreign Minister 2007-2013; Foreign Minister 2024-2025
PL | Zbigniew Rau | Rau | | Foreign Minister 2020-2022
ES | José María Aznar | Aznar | | Prime Minister 2000-2003
ES | José Luis Rodríguez Zapatero | Zapatero | Rodríguez Zapatero | Prime Minister 2004-2010
ES | Mariano Rajoy | Rajoy | | Prime Minister 2011-2017
ES | Pedro Sánchez | Sánchez | Sanchez | Prime Minister 2018-2025
ES | Felipe VI | King Felipe | | King 2014-2025
ES | Miguel Ángel Moratinos | Moratinos | | Foreign Minister 2004-2009
ES | José Manuel Albares | Albares | | Foreign Minister 2021-2025
MX | Vicente Fox | Fox | | President 2001-2005
MX | Felipe Calderón | Calderón | Calderon | President 2007-2011
MX | Enrique Peña Nieto | Peña Nieto | Pena Nieto | President 2013-2017
MX | Andrés Manuel López Obrador | López Obrador | Lopez Obrador, AMLO | President 2019-2024
MX | Claudia Sheinbaum | Sheinbaum | | President 2024-2025
MX | Marcelo Ebrard | Ebrard | | Foreign Minister 2019-2022
AR | Néstor Kirchner | Kirchner | Nestor Kirchner | President 2003-2006
AR | Cristina Fernández de Kirchner | Fernández de Kirchner | Cristina Kirchner | President 2008-2014
AR | Mauricio Macri | Macri | | President 2016-2019
AR | Alberto Fernández | Fernández | Fernandez | President 2020-2022
AR | Javier Milei | Milei | | President 2024-2025
NG | Olusegun Obasanjo | Obasanjo | | President 2000-2006
NG | Umaru Musa Yar'Adua | Yar'Adua | | President 2007-2009
NG | Goodluck Jonathan | Jonathan | | President 2010-2014
NG | Muhammadu Buhari | Buhari | | President 2015-2022
NG | Bola Tinubu | Tinubu | | President 2023-2025
KE | Mwai Kibaki | Kibaki | | President 2003-2012
KE | Uhuru Kenyatta | Kenyatta | | President 2013-2021
KE | William Ruto | Ruto | | President 2022-2025
ET | Meles Zenawi | Meles | | Prime Minister 2000-2011
ET | Hailemariam Desalegn | Hailemariam | | Prime Minister 2012-2017
ET | Abiy Ahmed | Abiy | | Prime Minister 2018-2025
SG | Goh Chok Tong | Goh | | Prime Minister 2000-2003
SG | Lee Hsien Loong | Lee | | Prime Minister 2004-2023
SG | Lawrence Wong | Wong | | Prime Minister 2024-2025
SG | George Yeo | Yeo | | Foreign Minister 2004-2010
SG | K. Shanmugam | Shanmugam | | Foreign Minister 2011-2014
SG | Vivian Balakrishnan | Balakrishnan | | Foreign Minister 2015-2025
TH | Thaksin Shinawatra | Thaksin | | Prime Minister 2001-2005
TH | Abhisit Vejjajiva | Abhisit | | Prime Minister 2009-2010
TH | Yingluck Shinawatra | Yingluck | | Prime Minister 2011-2013
TH | Prayut Chan-o-cha | Prayut | Prayuth | Prime Minister 2014-2022
TH | Srettha Thavisin | Srettha | | Prime Minister 2023
TH | Paetongtarn Shinawatra | Paetongtarn | | Prime Minister 2024-2025
TH | Don Pramudwinai | Don | | Foreign Minister 2015-2022
MY | Mahathir Mohamad | Mahathir | | Prime Minister 2000-2002; Prime Minister 2018-2019
MY | Abdullah Ahmad Badawi | Abdullah | | Prime Minister 2004-2008
MY | Najib Razak | Najib | | Prime Minister 2009-2017
MY | Muhyiddin Yassin | Muhyiddin | | Prime Minister 2020
MY | Ismail Sabri Yaakob | Ismail Sabri | | Prime Minister 2021
MY | Anwar Ibrahim | Anwar | | Prime Minister 2022-2025
PH | Gloria Macapagal Arroyo | Arroyo | | President 2001-2009
PH | Benigno Aquino III | Aquino | | President 2010-2015
PH | Rodrigo Duterte | Duterte | | President 2016-2021
PH | Ferdinand Marcos Jr. | Marcos | | President 2022-2025
AZ | Heydar Aliyev | Aliyev | | President 2000-2002
AZ | Ilham Aliyev | Aliyev | | President 2003-2025
AZ | Elmar Mammadyarov | Mammadyarov | | Foreign Minister 2004-2019
AZ | Jeyhun Bayramov | Bayramov | | Foreign Minister 2020-2025
RS | Boris Tadić | Tadić | Tadic | President 2004-2011
RS | Tomislav Nikolić | Nikolić | Nikolic | President 2012-2016
RS | Aleksandar Vučić | Vučić | Vucic | Prime Minister 2014-2016; President 2017-2025
RS | Ivica Dačić | Dačić | Dacic | Foreign Minister 2014-2019; Foreign Minister 2022-2023
RS | Nikola Selaković | Selaković | Selakovic | Foreign Minister 2020-2021
HU | Viktor Orbán | Orbán | Orban | Prime Minister 2000-2001; Prime Minister 2010-2025
HU | Ferenc Gyurcsány | Gyurcsány | Gyurcsany | Prime Minister 2004-2008
HU | Péter Szijjártó | Szijjártó | Szijjarto | Foreign Minister 2014-2025
GR | Costas Simitis | Simitis | | Prime Minister 2000-2003
GR | Kostas Karamanlis | Karamanlis | | Prime Minister 2004-2008
GR | George Papandreou | Papandreou | | Foreign Minister 2000-2003; Prime Minister 2009-2010
GR | Alexis Tsipras | Tsipras | | Prime Minister 2015-2018
GR | Kyriakos Mitsotakis | Mitsotakis | | Prime Minister 2019-2025
GR | Nikos Dendias | Dendias | | Foreign Minister 2019-2022
GR | George Gerapetritis | Gerapetritis | | Foreign Minister 2023-2025
CU | Fidel Castro | Castro | | President 2000-2007
CU | Raúl Castro | Castro | Raul Castro | President 2008-2017
CU | Miguel Díaz-Canel | Díaz-Canel | Diaz-Canel | President 2018-2025
CU | Felipe Pérez Roque | Pérez Roque | Perez Roque | Foreign Minister 2000-2008
CU | Bruno Rodríguez Parrilla | Rodríguez | Rodriguez | Foreign Minister 2009-2025
EU | Javier Solana | Solana | | EU High Representative for the Common Foreign and Security Policy 2000-2009
EU | Catherine Ashton | Ashton | | EU High Representative for Foreign Affairs and Security Policy 2010-2014
EU | Federica Mogherini | Mogherini | | EU High Representative for Foreign Affairs and Security Policy 2014-2019
EU | Josep Borrell | Borrell | | EU High Representative for Foreign Affairs and Security Policy 2019-2024
EU | Kaja Kallas | Kallas | | EU High Representative for Foreign Affairs and Security Policy 2024-2025
EU | José Manuel Barroso | Barroso | Jose Manuel Barroso | European Commission President 2004-2014
EU | Jean-Claude Juncker | Juncker | | European Commission President 2014-2019
EU | Ursula von der Leyen | von der Leyen | | European Commission President 2019-2025
EU | Herman Van Rompuy | Van Rompuy | | European Council President 2010-2014
EU | Charles Michel | Michel | | European Council President 2019-2024
EU | António Costa | Costa | Antonio Costa | European Council President 2025
UN | Kofi Annan | Annan | | UN Secretary-General 2000-2006
UN | Ban Ki-moon | Ban | | UN Secretary-General 2007-2016
UN | António Guterres | Guterres | Antonio Guterres | UN Secretary-General 2017-2025
"""

# Countries whose people are named in full in headlines ("Tokayev meets Wang Yi"), as their own press does.
FULL_NAME_IN_HEADLINES = ("CN",)

# Names that take "the" in running text.
NAMES_WITH_ARTICLE = (
    "United States",
    "United Kingdom",
    "United Arab Emirates",
    "Philippines",
    "European Union",
    "United Nations",
)

# code: (adjective, weight as a reporting side, cities, publishers).
# Cities: "Name" or "Name 2019-2021" when the name held only then; the first is the capital.
# Publishers: (words in the reporting person's title, publishers); the first match wins, "" matches every title.
# fmt: off
COUNTRIES = {
    "CN": ("Chinese", 8, ("Beijing", "Shanghai", "Hangzhou", "Xiamen", "Xi'an", "Qingdao", "Tianjin", "Chengdu"), (
        ("Foreign Minister", ("Ministry of Foreign Affairs of the People's Republic of China", "Xinhua")),
        ("", ("Xinhua", "Xinhua", "China Daily")),
    )),
    "KZ": ("Kazakh", 5, ("Astana 2000-2018", "Nur-Sultan 2019-2021", "Astana 2022-2025", "Almaty", "Turkistan"), (
        ("Foreign Minister", ("Ministry of Foreign Affairs of Kazakhstan", "Kazinform")),
        ("Prime Minister", ("Government of Kazakhstan",)),
        ("", ("Akorda", "Akorda", "Kazinform")),
    )),
    "RU": ("Russian", 6, ("Moscow", "Saint Petersburg", "Sochi", "Kazan", "Vladivostok"), (
        ("Foreign Minister", ("Ministry of Foreign Affairs of the Russian Federation", "TASS")),
        ("Prime Minister", ("Government of the Russian Federation", "TASS")),
        ("", ("Kremlin", "Kremlin", "TASS")),
    )),
    "US": ("U.S.", 6, ("Washington", "New York", "San Francisco"), (
        ("Secretary of State", ("US Department of State",)),
        ("", ("The White House",)),
    )),
    "GB": ("British", 3, ("London",), (
        ("Foreign Secretary", ("Foreign Office",)),
        ("", ("Prime Minister's Office, 10 Downing Street",)),
    )),
    "FR": ("French", 3, ("Paris", "Marseille"), (
        ("Foreign", ("Ministry for Europe and Foreign Affairs",)),
        ("Prime Minister", ("Prime Minister's Office",)),
        ("", ("Élysée Palace",)),
    )),
    "DE": ("German", 3, ("Berlin", "Munich"), (
        ("Foreign Minister", ("Federal Foreign Office",)),
        ("", ("The Federal Government",)),
    )),
    "JP": ("Japanese", 3, ("Tokyo", "Osaka", "Hiroshima"), (
        ("Foreign Minister", ("Ministry of Foreign Affairs of Japan",)),
        ("", ("Prime Minister's Office of Japan",)),
    )),
    "IN": ("Indian", 3, ("New Delhi", "Mumbai", "Ahmedabad", "Bengaluru"), (
        ("External Affairs", ("Ministry of External Affairs",)),
        ("Prime Minister", ("Prime Minister's Office", "Press Information Bureau")),
        ("", ("President's Secretariat",)),
    )),
    "BR": ("Brazilian", 2, ("Brasília", "Rio de Janeiro", "São Paulo"), ()),
    "ZA": ("South African", 2, ("Pretoria", "Cape Town", "Johannesburg"), (
        ("International Relations", ("Department of International Relations and Cooperation",)),
        ("", ("The Presidency of the Republic of South Africa",)),
    )),
    "TR": ("Turkish", 2, ("Ankara", "Istanbul", "Antalya"), (
        ("Foreign Minister", ("Ministry of Foreign Affairs of Türkiye", "Anadolu Agency")),
        ("", ("Presidency of the Republic of Türkiye", "Anadolu Agency")),
    )),
    "IR": ("Iranian", 2, ("Tehran",), (("", ("Ministry of Foreign Affairs of Iran", "IRNA")),)),
    "PK": ("Pakistani", 2, ("Islamabad", "Lahore"), ()),
    "ID": ("Indonesian", 2, ("Jakarta", "Bali"), ()),
    "VN": ("Vietnamese", 2, ("Hanoi", "Ho Chi Minh City", "Da Nang"), (
        ("Foreign Minister", ("Ministry of Foreign Affairs of Vietnam", "Vietnam News Agency")),
        ("", ("Vietnam News Agency",)),
    )),
    "KR": ("South Korean", 2, ("Seoul", "Busan"), ()),
    "EG": ("Egyptian", 2, ("Cairo", "Sharm el-Sheikh"), ()),
    "SA": ("Saudi", 2, ("Riyadh", "Jeddah"), (("", ("Saudi Press Agency",)),)),
    "AE": ("Emirati", 2, ("Abu Dhabi", "Dubai"), (("", ("Emirates News Agency (WAM)",)),)),
    "IL": ("Israeli", 1, ("Jerusalem",), ()),
    "IT": ("Italian", 2, ("Rome",), ()),
    "CA": ("Canadian", 1, ("Ottawa",), ()),
    "AU": ("Australian", 2, ("Canberra", "Sydney"), ()),
    "UZ": ("Uzbek", 3, ("Tashkent", "Samarkand"), (
        ("Foreign Minister", ("Ministry of Foreign Affairs of Uzbekistan",)),
        ("", ("Press Service of the President of Uzbekistan", "UzA")),
    )),
    "KG": ("Kyrgyz", 2, ("Bishkek", "Cholpon-Ata"), ()),
    "TJ": ("Tajik", 2, ("Dushanbe",), ()),
    "TM": ("Turkmen", 1, ("Ashgabat",), ()),
    "MN": ("Mongolian", 1, ("Ulaanbaatar",), ()),
    "UA": ("Ukrainian", 2, ("Kyiv",), ()),
    "BY": ("Belarusian", 1, ("Minsk",), ()),
    "PL": ("Polish", 1, ("Warsaw",), ()),
    "ES": ("Spanish", 1, ("Madrid",), ()),
    "MX": ("Mexican", 1, ("Mexico City",), ()),
    "AR": ("Argentine", 1, ("Buenos Aires",), ()),
    "NG": ("Nigerian", 1, ("Abuja",), ()),
    "KE": ("Kenyan", 1, ("Nairobi",), ()),
    "ET": ("Ethiopian", 1, ("Addis Ababa",), ()),
    "SG": ("Singaporean", 2, ("Singapore",), ()),
    "TH": ("Thai", 1, ("Bangkok",), ()),
    "MY": ("Malaysian", 1, ("Kuala Lumpur", "Putrajaya"), ()),
    "PH": ("Philippine", 1, ("Manila",), ()),
    "AZ": ("Azerbaijani", 2, ("Baku",), (("", ("President.az", "Azertac")),)),
    "RS": ("Serbian", 1, ("Belgrade",), ()),
    "HU": ("Hungarian", 1, ("Budapest",), ()),
    "GR": ("Greek", 1, ("Athens",), ()),
    "CU": ("Cuban", 1, ("Havana",), ()),
    "EU": ("EU", 2, ("Brussels",), (
        ("Commission", ("European Commission",)),
        ("Council", ("European Council",)),
        ("", ("European External Action Service",)),
    )),
    "UN": ("UN", 2, ("New York", "Geneva"), (("", ("United Nations",)),)),
}
# fmt: on

# Publishers for a country without its own list: by title words, as above; {name} is the country's name.
DEFAULT_PUBLISHERS = (
    ("Foreign", ("Ministry of Foreign Affairs of {name}",)),
    ("International Relations", ("Ministry of Foreign Affairs of {name}",)),
    ("Prime Minister", ("Office of the Prime Minister of {name}",)),
    ("", ("Office of the President of {name}",)),
)

# Multilateral meetings: (series, month, {year: city}). The series name takes the year or the session number.
# fmt: off
SUMMITS = (
    ("the G20 summit in {city}", 11, {
        2008: "Washington", 2009: "Pittsburgh", 2010: "Seoul", 2011: "Cannes", 2012: "Los Cabos",
        2013: "Saint Petersburg", 2014: "Brisbane", 2015: "Antalya", 2016: "Hangzhou", 2017: "Hamburg",
        2018: "Buenos Aires", 2019: "Osaka", 2021: "Rome", 2022: "Bali", 2023: "New Delhi", 2024: "Rio de Janeiro",
        2025: "Johannesburg",
    }),
    ("the APEC Economic Leaders' Meeting in {city}", 11, {
        2001: "Shanghai", 2002: "Los Cabos", 2003: "Bangkok", 2004: "Santiago", 2005: "Busan", 2006: "Hanoi",
        2007: "Sydney", 2008: "Lima", 2009: "Singapore", 2010: "Yokohama", 2011: "Honolulu", 2012: "Vladivostok",
        2013: "Bali", 2014: "Beijing", 2015: "Manila", 2016: "Lima", 2017: "Da Nang", 2018: "Port Moresby",
        2022: "Bangkok", 2023: "San Francisco", 2024: "Lima", 2025: "Gyeongju",
    }),
    ("the Shanghai Cooperation Organization summit in {city}", 6, {
        2001: "Shanghai", 2002: "Saint Petersburg", 2003: "Moscow", 2004: "Tashkent", 2005: "Astana",
        2006: "Shanghai", 2007: "Bishkek", 2008: "Dushanbe", 2009: "Yekaterinburg", 2010: "Tashkent",
        2011: "Astana", 2012: "Beijing", 2013: "Bishkek", 2014: "Dushanbe", 2015: "Ufa", 2016: "Tashkent",
        2017: "Astana", 2018: "Qingdao", 2019: "Bishkek", 2022: "Samarkand", 2024: "Astana", 2025: "Tianjin",
    }),
    ("the BRICS summit in {city}", 7, {
        2009: "Yekaterinburg", 2010: "Brasília", 2011: "Sanya", 2012: "New Delhi", 2013: "Durban",
        2014: "Fortaleza", 2015: "Ufa", 2016: "Goa", 2017: "Xiamen", 2018: "Johannesburg", 2019: "Brasília",
        2023: "Johannesburg", 2024: "Kazan", 2025: "Rio de Janeiro",
    }),
    ("the {session} session of the United Nations General Assembly", 9, dict.fromkeys(range(2000, 2026), "New York")),
    ("the Munich Security Conference", 2, dict.fromkeys(range(2000, 2026), "Munich")),
)
# fmt: on

# Most common first. "Topic" or "Topic | 2013-2025" for a topic current only in those years.
TOPICS = """
trade
investment
energy
regional security
connectivity
infrastructure
agriculture
climate change
transport and logistics
education
culture
tourism
healthcare
the digital economy
finance
science and technology
counterterrorism
people-to-people exchanges
multilateralism
sustainable development
green energy
innovation
industry
humanitarian assistance
food security
customs
manufacturing
cybersecurity
public health
youth exchanges
nuclear non-proliferation
migration
water resources
environmental protection
defense
civil aviation
e-commerce | 2005-2025
space exploration
small and medium-sized enterprises
arms control
border management
disaster relief
maritime security
renewable energy
oil and gas
the peace process
human rights
the rule of law
regional stability
supply chains
artificial intelligence | 2016-2025
nuclear energy
railways
mining
pharmaceuticals
telecommunications
academic exchanges
sports
the media
law enforcement
anti-corruption efforts
drug trafficking
organized crime
vocational training
startups | 2010-2025
fisheries
forestry
biodiversity
ocean governance
electric vehicles | 2015-2025
semiconductors
critical minerals | 2019-2025
rare earths
hydrogen | 2019-2025
the Belt and Road Initiative | 2013-2025
the Eurasian Economic Union | 2015-2025
the Shanghai Cooperation Organization | 2001-2025
the G20 | 2008-2025
BRICS | 2009-2025
ASEAN
the Middle East peace process
the Korean Peninsula
Afghanistan
Syria | 2011-2025
Ukraine | 2014-2025
the Iranian nuclear issue | 2003-2025
the Joint Comprehensive Plan of Action | 2015-2025
the COVID-19 pandemic | 2020-2022
vaccine production | 2020-2023
the Paris Agreement | 2016-2025
the 2030 Agenda for Sustainable Development | 2015-2025
the Millennium Development Goals | 2000-2015
the global financial crisis | 2008-2011
the Six-Party Talks | 2003-2009
the Minsk agreements | 2015-2021
the grain corridor | 2022-2023
the Black Sea Grain Initiative | 2022-2023
desalination
wheat exports
cotton
irrigation
hydropower
solar power
wind power
coal
liquefied natural gas
pipelines
oil refining
petrochemicals
nuclear safety
uranium
lithium | 2015-2025
copper
gold mining
potash
fertilizers
livestock
dairy products
meat exports
poultry
grain storage
rice
soybeans
fruit and vegetables
wine
tea
coffee
cocoa
fishing rights
aquaculture
shipbuilding
port development
the Caspian Sea
the Aral Sea
the Arctic
Antarctica
the South China Sea
the Strait of Hormuz
the Red Sea
the Suez Canal
the Northern Sea Route
the Middle Corridor | 2014-2025
the Trans-Caspian International Transport Route | 2014-2025
the International North-South Transport Corridor
the China-Europe Railway Express | 2011-2025
the Lapis Lazuli transit route | 2017-2025
high-speed rail
road construction
bridges
airports
civil aviation safety
visa facilitation
consular affairs
direct flights
postal services
satellite navigation
remote sensing
the peaceful use of outer space
lunar exploration
meteorology
seismology
earthquake preparedness
flood control
drought
desertification
glaciers
air pollution
waste management
recycling
the circular economy
carbon markets
carbon neutrality | 2019-2025
green finance
sovereign wealth funds
currency swaps
settlements in national currencies
banking supervision
insurance
capital markets
stock exchanges
fintech | 2014-2025
digital payments
central bank digital currencies | 2019-2025
anti-money laundering
tax cooperation
double taxation
intellectual property
standards and metrology
quality inspection
sanitary and phytosanitary measures
free trade agreements
tariffs
export controls
sanctions
the World Trade Organization
investment protection
special economic zones
industrial parks
technology transfer
research and development
joint laboratories
university partnerships
scholarships
language teaching
Confucius Institutes | 2004-2025
libraries
museums
cultural heritage
archaeology
the return of cultural property
film co-production
publishing
the translation of classics
tourism promotion
medical tourism
traditional medicine
epidemic prevention
cancer research
maternal health
child welfare
pensions
social security
labor migration
remittances
refugees
demining
peacekeeping
joint military exercises
the defense industry
military-technical cooperation
nuclear disarmament
chemical weapons
biosecurity
missile defense
counter-piracy
violent extremism
radicalization
border delimitation
water sharing
transboundary rivers
the Irtysh River
the Amu Darya
the Mekong River
the Nile
the Grand Ethiopian Renaissance Dam | 2011-2025
the Lake Chad basin
the Sahel
the Horn of Africa
Libya
Yemen
Iraq
Lebanon
Gaza
the two-state solution
Nagorno-Karabakh
Kosovo
Cyprus
Western Sahara
Venezuela
Myanmar
the Taiwan question
United Nations Security Council reform
United Nations peacekeeping
the International Atomic Energy Agency
the World Health Organization
the Conference on Interaction and Confidence-Building Measures in Asia
the Collective Security Treaty Organization
the Organization of Turkic States | 2021-2025
the Commonwealth of Independent States
the OSCE
the Gulf Cooperation Council
the African Union
the Arab League
the Eastern Partnership | 2009-2025
NATO
the Quad | 2017-2025
AUKUS | 2021-2025
the Indo-Pacific | 2017-2025
the Astana International Financial Centre | 2018-2025
Expo 2017 | 2013-2017
the Beijing Olympic Games | 2005-2008
the Sochi Winter Olympics | 2010-2014
Expo 2020 Dubai | 2015-2021
the Beijing Winter Olympics | 2018-2022
the Paris Olympic Games | 2020-2024
e-government
smart cities
urban planning
housing
5G networks | 2019-2025
undersea cables
data centers
cloud computing | 2010-2025
big data | 2012-2025
quantum computing
robotics
biotechnology
genetic resources
seed breeding
agricultural machinery
food processing
halal food
organic farming
beekeeping
horse breeding
camel milk
wool
leather goods
textiles
garments
furniture
ceramics
jewelry
diamonds
silk
carpets
handicrafts
the Silk Road heritage
nomadic culture
the Great Steppe
the Pamir mountains
the Tian Shan
glacier monitoring
snow leopards
wildlife trafficking
wetlands
mangroves
coral reefs
plastic pollution
marine litter
clean cooking
rural electrification
microfinance
women's empowerment
gender equality
disability rights
inclusive growth
poverty reduction
rural revitalization | 2017-2025
urbanization
demographic change
ageing populations
brain drain
diaspora affairs
sister cities
twin towns
local government
parliamentary exchanges
think tanks
journalism training
fact-checking | 2016-2025
disinformation | 2016-2025
online safety
data protection
cross-border data flows
digital identity
satellite internet | 2019-2025
drones
electric buses | 2015-2025
battery storage
nuclear fusion
small modular reactors | 2015-2025
geothermal energy
tidal energy
biofuels
energy efficiency
district heating
grid interconnection
electricity trade
energy transit
oil prices
OPEC
gas prices
strategic reserves
fuel subsidies
""".strip()
