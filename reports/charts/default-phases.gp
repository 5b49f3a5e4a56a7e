# Where the time goes (1M records; phases overlap, so they stand side by side)
# Written by dedupbench report. Regenerate from this directory: gnuplot default-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'default-phases.svg'
set title 'Where the time goes (1M records; phases overlap, so they stand side by side)'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:7.6]
set ylabel 'median time (s)'
set xtics ('bronze_append / 0%%' 0, 'bronze_append / 30%%' 1, 'delta_merge / 0%%' 2, 'delta_merge / 30%%' 3, 'eager_dedup / 0%%' 4, 'eager_dedup / 30%%' 5, 'polars_merge / 0%%' 6, 'polars_merge / 30%%' 7) rotate by -30
set label 'bronze_append / 0.0 · total time (s): 952 ms [95% CI 823 ms–1.07 s]' at -0.35, 0.9518369360012002 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · total time (s): 1.59 s [95% CI 1.03 s–1.73 s]' at 0.65, 1.5948526009997295 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · total time (s): 1.33 s [95% CI 1.27 s–1.47 s]' at 1.65, 1.3324085019994527 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · total time (s): 1.53 s [95% CI 1.46 s–1.64 s]' at 2.65, 1.5347811930005264 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · total time (s): 1.23 s [95% CI 1.1 s–1.41 s]' at 3.65, 1.225556145000155 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · total time (s): 1.51 s [95% CI 1.36 s–1.62 s]' at 4.65, 1.5078704309999011 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · total time (s): 1.44 s [95% CI 1.26 s–1.59 s]' at 5.65, 1.4407370660010201 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · total time (s): 1.64 s [95% CI 1.59 s–1.81 s]' at 6.65, 1.6412272960005794 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · wall time (s): 677 ms [95% CI 565 ms–808 ms]' at -0.21, 0.6774102259987558 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · wall time (s): 1.09 s [95% CI 748 ms–1.26 s]' at 0.79, 1.0920028139989881 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · wall time (s): 1.11 s [95% CI 1.08 s–1.23 s]' at 1.79, 1.1071239949997107 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · wall time (s): 1.33 s [95% CI 1.25 s–1.44 s]' at 2.79, 1.3349969480004802 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · wall time (s): 952 ms [95% CI 866 ms–1.13 s]' at 3.79, 0.9516048220029916 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · wall time (s): 1.25 s [95% CI 1.1 s–1.35 s]' at 4.79, 1.2513231020020612 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · wall time (s): 1.23 s [95% CI 1.08 s–1.34 s]' at 5.79, 1.225089276998915 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · wall time (s): 1.46 s [95% CI 1.4 s–1.59 s]' at 6.79, 1.4616594340004667 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · generation time (s): 183 ms [95% CI 171 ms–193 ms]' at -0.07, 0.18342465300156618 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · generation time (s): 251 ms [95% CI 201 ms–338 ms]' at 0.93, 0.2505960880043858 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · generation time (s): 154 ms [95% CI 142 ms–176 ms]' at 1.93, 0.15413698400516296 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · generation time (s): 221 ms [95% CI 176 ms–250 ms]' at 2.93, 0.22148335301244515 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · generation time (s): 164 ms [95% CI 156 ms–185 ms]' at 3.93, 0.16446258600626606 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · generation time (s): 254 ms [95% CI 230 ms–277 ms]' at 4.93, 0.25361162801345927 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · generation time (s): 181 ms [95% CI 164 ms–228 ms]' at 5.93, 0.18098439000095823 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · generation time (s): 239 ms [95% CI 221 ms–318 ms]' at 6.93, 0.23924071999863372 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · hashing time (s): 268 ms [95% CI 223 ms–277 ms]' at 0.07, 0.26759933800349245 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · hashing time (s): 329 ms [95% CI 272 ms–473 ms]' at 1.07, 0.3289560149969475 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · hashing time (s): 250 ms [95% CI 225 ms–285 ms]' at 2.07, 0.2502010100033658 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · hashing time (s): 327 ms [95% CI 271 ms–385 ms]' at 3.07, 0.3265147589954722 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · hashing time (s): 262 ms [95% CI 241 ms–304 ms]' at 4.07, 0.26220272500722785 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · hashing time (s): 335 ms [95% CI 327 ms–373 ms]' at 5.07, 0.335078723004699 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · hashing time (s): 263 ms [95% CI 227 ms–301 ms]' at 6.07, 0.2634032600071805 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · hashing time (s): 304 ms [95% CI 281 ms–338 ms]' at 7.07, 0.3041697880034917 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 0.21, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 1.21, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · dedup time (s): 319 ms [95% CI 276 ms–370 ms]' at 2.21, 0.31922042299993336 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · dedup time (s): 345 ms [95% CI 302 ms–378 ms]' at 3.21, 0.34501818499484216 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · dedup time (s): 358 ms [95% CI 319 ms–376 ms]' at 4.21, 0.3578763319965219 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · dedup time (s): 574 ms [95% CI 546 ms–611 ms]' at 5.21, 0.5744408999962616 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · dedup time (s): 313 ms [95% CI 239 ms–385 ms]' at 6.21, 0.31273616998805664 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · dedup time (s): 381 ms [95% CI 327 ms–389 ms]' at 7.21, 0.3809009680044255 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · write time (s): 601 ms [95% CI 496 ms–739 ms]' at 0.35, 0.6005528559944651 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3 · write time (s): 991 ms [95% CI 670 ms–1.16 s]' at 1.35, 0.9908468600006017 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · write time (s): 708 ms [95% CI 665 ms–744 ms]' at 2.35, 0.7082545830016898 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3 · write time (s): 871 ms [95% CI 794 ms–968 ms]' at 3.35, 0.8711556099951849 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · write time (s): 536 ms [95% CI 473 ms–697 ms]' at 4.35, 0.5355534640038968 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3 · write time (s): 606 ms [95% CI 428 ms–645 ms]' at 5.35, 0.6064819570055988 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · write time (s): 784 ms [95% CI 725 ms–844 ms]' at 6.35, 0.7839589900031569 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3 · write time (s): 958 ms [95% CI 930 ms–1.05 s]' at 7.35, 0.9584791360066447 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.1288
set yrange [0:2]
set ytics ('0 s' 0, '500 ms' 0.5, '1 s' 1, '1.5 s' 1.5, '2 s' 2)
plot 'default-phases.dat' index 0 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#aa3377' title 'total time', \
     '' index 0 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 1 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#555555' title 'wall time', \
     '' index 1 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 2 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#4477aa' title 'generation time', \
     '' index 2 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 3 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ccbb44' title 'hashing time', \
     '' index 3 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 4 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ee6677' title 'dedup time', \
     '' index 4 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 5 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#228833' title 'write time', \
     '' index 5 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'default-phases.png'
replot
unset output
