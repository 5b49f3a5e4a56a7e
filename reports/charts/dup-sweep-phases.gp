# Time by phase — dup-sweep
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-phases.svg'
set title 'Time by phase — dup-sweep'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:7.6]
set ylabel 'median time (s)'
set xtics ('bronze_append / 0%%' 0, 'bronze_append / 50%%' 1, 'delta_merge / 0%%' 2, 'delta_merge / 50%%' 3, 'eager_dedup / 0%%' 4, 'eager_dedup / 50%%' 5, 'polars_merge / 0%%' 6, 'polars_merge / 50%%' 7) rotate by -30
set label 'bronze_append / 0.0 · total time (s): 739 ms [95% CI 730 ms–1.02 s]' at -0.35, 0.7393854259971704 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · total time (s): 1.19 s [95% CI 1.18 s–1.25 s]' at 0.65, 1.190287563000311 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · total time (s): 1.35 s [95% CI 1.28 s–1.36 s]' at 1.65, 1.3512198320022435 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · total time (s): 1.71 s [95% CI 1.64 s–1.75 s]' at 2.65, 1.708283591997315 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · total time (s): 945 ms [95% CI 909 ms–986 ms]' at 3.65, 0.9445420209995063 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · total time (s): 1.57 s [95% CI 1.41 s–1.86 s]' at 4.65, 1.5722120789978362 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · total time (s): 1.07 s [95% CI 1.05 s–1.13 s]' at 5.65, 1.0718641259991273 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · total time (s): 1.76 s [95% CI 1.59 s–1.79 s]' at 6.65, 1.7608471350031323 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · wall time (s): 532 ms [95% CI 522 ms–774 ms]' at -0.21, 0.5324789160004002 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · wall time (s): 878 ms [95% CI 850 ms–926 ms]' at 0.79, 0.8784389210013615 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · wall time (s): 1.13 s [95% CI 1.06 s–1.16 s]' at 1.79, 1.1296100709987513 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · wall time (s): 1.47 s [95% CI 1.42 s–1.54 s]' at 2.79, 1.4672388400031195 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · wall time (s): 732 ms [95% CI 676 ms–762 ms]' at 3.79, 0.7323134219986969 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · wall time (s): 1.3 s [95% CI 1.18 s–1.57 s]' at 4.79, 1.3019630470007542 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · wall time (s): 942 ms [95% CI 878 ms–970 ms]' at 5.79, 0.942343268001423 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · wall time (s): 1.5 s [95% CI 1.41 s–1.6 s]' at 6.79, 1.5016153719989234 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · generation time (s): 135 ms [95% CI 126 ms–149 ms]' at -0.07, 0.13494676400296157 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · generation time (s): 248 ms [95% CI 227 ms–250 ms]' at 0.93, 0.247554185003537 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · generation time (s): 146 ms [95% CI 143 ms–171 ms]' at 1.93, 0.1463688759940851 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · generation time (s): 223 ms [95% CI 201 ms–271 ms]' at 2.93, 0.22252837799533154 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · generation time (s): 137 ms [95% CI 122 ms–146 ms]' at 3.93, 0.13731899599224562 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · generation time (s): 362 ms [95% CI 316 ms–363 ms]' at 4.93, 0.3623375280003529 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · generation time (s): 140 ms [95% CI 115 ms–141 ms]' at 5.93, 0.1401514710050833 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · generation time (s): 292 ms [95% CI 257 ms–319 ms]' at 6.93, 0.2917318520048866 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · hashing time (s): 200 ms [95% CI 197 ms–252 ms]' at 0.07, 0.19961660800254322 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · hashing time (s): 277 ms [95% CI 277 ms–317 ms]' at 1.07, 0.27687933398919995 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · hashing time (s): 234 ms [95% CI 213 ms–279 ms]' at 2.07, 0.23399836999669787 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · hashing time (s): 339 ms [95% CI 336 ms–349 ms]' at 3.07, 0.3387265000019397 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · hashing time (s): 215 ms [95% CI 212 ms–221 ms]' at 4.07, 0.21501379800247378 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · hashing time (s): 368 ms [95% CI 348 ms–418 ms]' at 5.07, 0.36751621999792405 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · hashing time (s): 200 ms [95% CI 188 ms–226 ms]' at 6.07, 0.19953400200029137 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · hashing time (s): 353 ms [95% CI 328 ms–384 ms]' at 7.07, 0.35337071799949626 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 0.21, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 1.21, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · dedup time (s): 317 ms [95% CI 308 ms–334 ms]' at 2.21, 0.31660583001212217 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · dedup time (s): 460 ms [95% CI 457 ms–523 ms]' at 3.21, 0.4602988440019544 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · dedup time (s): 254 ms [95% CI 254 ms–280 ms]' at 4.21, 0.25448470799892675 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · dedup time (s): 651 ms [95% CI 626 ms–655 ms]' at 5.21, 0.6513346530009585 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · dedup time (s): 218 ms [95% CI 215 ms–264 ms]' at 6.21, 0.21816087900515413 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · dedup time (s): 383 ms [95% CI 367 ms–410 ms]' at 7.21, 0.38274331499633263 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.0 · write time (s): 476 ms [95% CI 457 ms–718 ms]' at 0.35, 0.47639125200294075 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.5 · write time (s): 794 ms [95% CI 767 ms–836 ms]' at 1.35, 0.7941171810052765 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.0 · write time (s): 704 ms [95% CI 656 ms–750 ms]' at 2.35, 0.7035226569969382 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.5 · write time (s): 877 ms [95% CI 843 ms–879 ms]' at 3.35, 0.8766230779947364 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.0 · write time (s): 418 ms [95% CI 368 ms–426 ms]' at 4.35, 0.4178001299951575 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.5 · write time (s): 505 ms [95% CI 438 ms–776 ms]' at 5.35, 0.5047136730026978 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.0 · write time (s): 620 ms [95% CI 589 ms–620 ms]' at 6.35, 0.6198943519921158 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.5 · write time (s): 1 s [95% CI 877 ms–1.04 s]' at 7.35, 1.0005645069977618 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.1288
set yrange [0:2]
set ytics ('0 s' 0, '500 ms' 0.5, '1 s' 1, '1.5 s' 1.5, '2 s' 2)
plot 'dup-sweep-phases.dat' index 0 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#aa3377' title 'total time', \
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
set output 'dup-sweep-phases.png'
replot
unset output
