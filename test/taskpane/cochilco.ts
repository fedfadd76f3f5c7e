/**
 * Cochilco's monthly copper output (tonnes) for Codelco and Escondida, as Reuters and others printed it
 * (http://ec2-54-156-51-66.compute-1.amazonaws.com/chiles-copper-output-trends-down-in-jan/ for January
 * 2021: Codelco 142,000 t, +19.4% on 118,900 t; Escondida 84,700 t, -16.1% on 100,900 t), as a file
 * the import reads: a two-mine table.
 */
export const COCHILCO = `Month,Mine,Copper (t)
Nov 2019,Codelco,"155,200"
Nov 2019,Escondida,"103,200"
Jan 2020,Codelco,"118,900"
Jan 2020,Escondida,"100,900"
May 2020,Codelco,"144,200"
May 2020,Escondida,"93,400"
Oct 2020,Codelco,"159,900"
Oct 2020,Escondida,"99,900"
Dec 2020,Codelco,"157,800"
Dec 2020,Escondida,"104,900"
Jan 2021,Codelco,"142,000"
Jan 2021,Escondida,"84,700"
`;
